package com.blueprintshop.inventory.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.http.HttpStatus;

import com.blueprintshop.inventory.system.ApiException;

/**
 * Reads a stock count upload: UTF-8 CSV (RFC 4180 quoting) with the header
 * {@code sku,warehouse,on_hand}. Whatever makes the file as a whole unreadable — not text, too
 * large, no or the wrong header, a row with the wrong number of columns, broken quoting — is
 * refused here with the first bad line, before anything is changed; what is wrong with a row's
 * values is for {@link StockUpload} to report per row. Line numbers are the file's physical
 * lines, the header being line 1.
 */
final class CsvStockFile {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ROWS = 100_000;

	static final List<String> HEADER = List.of("sku", "warehouse", "on_hand");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(true)
		.setIgnoreSurroundingSpaces(true)
		.get();

	private CsvStockFile() {
	}

	/** The data rows in file order (the header is checked and left out). */
	static List<Row> read(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw ApiException.badFile(HttpStatus.CONTENT_TOO_LARGE, 0, "The file must be at most 5 MB.");
		}
		String text = decode(bytes);
		if (text.isBlank()) {
			throw ApiException.badFile(HttpStatus.BAD_REQUEST, 1,
					"The file is empty: it must start with the header sku,warehouse,on_hand.");
		}
		int[] lineStarts = lineStarts(text);
		checkText(text, lineStarts);
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			boolean header = true;
			while (true) {
				long linesRead = parser.getCurrentLineNumber();
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw ApiException.badFile(HttpStatus.BAD_REQUEST, nextRecordLine(text, lineStarts, linesRead),
							"The quoting is broken (a quote is not closed, or text follows a closing quote).");
				}
				int line = lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition()));
				if (header) {
					header = false;
					checkHeader(record, line);
					continue;
				}
				if (record.size() != HEADER.size()) {
					throw ApiException.badFile(HttpStatus.BAD_REQUEST, line,
							"Expected 3 columns (sku,warehouse,on_hand), found " + record.size() + ".");
				}
				if (rows.size() == MAX_ROWS) {
					throw ApiException.badFile(HttpStatus.CONTENT_TOO_LARGE, line,
							"The file must have at most " + MAX_ROWS + " rows.");
				}
				rows.add(new Row(line, record.get(0), record.get(1), record.get(2)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static void checkHeader(CSVRecord record, int line) {
		List<String> names = record.stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
		if (!names.equals(HEADER)) {
			throw ApiException.badFile(HttpStatus.UNPROCESSABLE_CONTENT, line,
					"The first line must be the header sku,warehouse,on_hand.");
		}
	}

	/** Strict UTF-8 (a byte order mark is allowed): anything else is not a CSV text file. */
	private static String decode(byte[] bytes) {
		int offset = (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf) ? 3 : 0;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw ApiException.badFile(HttpStatus.BAD_REQUEST, lineAtByte(bytes, in.position()),
					"The file is not UTF-8 text.");
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	/** Control characters other than tab and line breaks mean a binary file (or a corrupted one). */
	private static void checkText(String text, int[] lineStarts) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				throw ApiException.badFile(HttpStatus.BAD_REQUEST, lineOf(lineStarts, i),
						"The file is not text: it holds control characters.");
			}
		}
	}

	private static int lineAtByte(byte[] bytes, int position) {
		int line = 1;
		for (int i = 0; i < position && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	/** Where each physical line starts (after \n, \r\n or a lone \r, as the parser counts them). */
	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 0;
		starts[count++] = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
			if (lineBreak) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	/** A record's position includes the empty lines the parser skipped before it. */
	private static long firstCharacter(String text, long position) {
		int i = (int) position;
		while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
			i++;
		}
		return i;
	}

	private static int lineOf(int[] lineStarts, long position) {
		int found = Arrays.binarySearch(lineStarts, (int) position);
		return (found >= 0) ? found + 1 : -found - 1;
	}

	/** The first line after {@code linesRead} complete lines that is not blank: where the next record starts. */
	private static int nextRecordLine(String text, int[] lineStarts, long linesRead) {
		int line = (int) linesRead + 1;
		while (line < lineStarts.length) {
			int start = lineStarts[line - 1];
			int end = lineStarts[line];
			if (!text.substring(start, end).isBlank()) {
				break;
			}
			line++;
		}
		return Math.min(line, lineStarts.length);
	}

	/**
	 * A data row as written (values trimmed).
	 *
	 * @param line its line in the file
	 * @param sku the SKU column
	 * @param warehouse the warehouse code column
	 * @param onHand the counted quantity column
	 */
	record Row(int line, String sku, String warehouse, String onHand) {
	}

}
