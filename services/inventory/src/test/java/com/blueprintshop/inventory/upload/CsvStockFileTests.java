package com.blueprintshop.inventory.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import com.blueprintshop.inventory.system.ApiException;
import com.blueprintshop.inventory.upload.CsvStockFile.Row;

class CsvStockFileTests {

	private static List<Row> read(String text) {
		return CsvStockFile.read(text.getBytes(StandardCharsets.UTF_8));
	}

	private static ApiException refused(byte[] bytes) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class, () -> CsvStockFile.read(bytes));
	}

	private static ApiException refused(String text) {
		return refused(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsRowsWithTheirLineNumbersCountingTheHeaderAsLineOne() {
		List<Row> rows = read("sku,warehouse,on_hand\r\nBP000001-1,DUB,12\r\n\r\n\"BP000002-1\", RTM ,0\n");
		assertThat(rows).containsExactly(new Row(2, "BP000001-1", "DUB", "12"), new Row(4, "BP000002-1", "RTM", "0"));
	}

	@Test
	void acceptsAByteOrderMarkAndAnyCaseInTheHeader() {
		byte[] bom = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };
		byte[] body = "SKU,Warehouse,ON_HAND\nBP000001-1,DUB,1".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(body, 0, file, bom.length, body.length);
		assertThat(CsvStockFile.read(file)).containsExactly(new Row(2, "BP000001-1", "DUB", "1"));
	}

	@Test
	void aQuotedLineBreakKeepsTheFollowingLineNumbersRight() {
		List<Row> rows = read("sku,warehouse,on_hand\n\"BP\n1\",DUB,1\nBP000002-1,DUB,2\n");
		assertThat(rows).extracting(Row::line).containsExactly(2, 4);
	}

	@Test
	void refusesAnEmptyFile() {
		ApiException empty = refused("");
		assertThat(empty.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.errors()).extracting((e) -> e.field()).containsExactly("file");
		assertThat(refused("  \n\n").status()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void refusesAWrongOrMissingHeaderNamingLineOne() {
		ApiException wrong = refused("sku,qty\nBP000001-1,3\n");
		assertThat(wrong.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(wrong.properties()).containsEntry("line", 1);
		assertThat(refused("BP000001-1,DUB,3\n").properties()).containsEntry("line", 1);
	}

	@Test
	void refusesARowWithTheWrongNumberOfColumnsNamingItsLine() {
		ApiException ex = refused("sku,warehouse,on_hand\nBP000001-1,DUB,3\nBP000002-1,DUB\n");
		assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ex.properties()).containsEntry("line", 3);
		assertThat(ex.getMessage()).contains("Line 3").contains("3 columns");
	}

	@Test
	void refusesBrokenQuotingNamingTheLineWhereTheRecordStarts() {
		ApiException unclosed = refused("sku,warehouse,on_hand\nBP000001-1,DUB,3\n\"BP000002-1,DUB,4\nBP000003-1,DUB,5\n");
		assertThat(unclosed.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unclosed.properties()).containsEntry("line", 3);
		ApiException trailing = refused("sku,warehouse,on_hand\n\"BP000001-1\"x,DUB,3\n");
		assertThat(trailing.properties()).containsEntry("line", 2);
	}

	@Test
	void refusesBinaryAndNonUtf8Content() {
		ApiException png = refused(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 });
		assertThat(png.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(png.errors()).extracting((e) -> e.field()).containsExactly("file");
		ApiException nul = refused("sku,warehouse,on_hand\nBP000001-1,DUB,3\nBP\u00002,DUB,1\n");
		assertThat(nul.properties()).containsEntry("line", 3);
		byte[] latin1 = "sku,warehouse,on_hand\nBP000001-1,DUB,3\nM\u00fcller,DUB,1\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(refused(latin1).properties()).containsEntry("line", 3);
	}

	@Test
	void refusesMoreThanTheRowLimitOrTheSizeLimit() {
		StringBuilder file = new StringBuilder("sku,warehouse,on_hand\n");
		for (int i = 0; i <= CsvStockFile.MAX_ROWS; i++) {
			file.append("BP000001-1,DUB,1\n");
		}
		ApiException rows = refused(file.toString());
		assertThat(rows.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(rows.properties()).containsEntry("line", CsvStockFile.MAX_ROWS + 2);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> CsvStockFile.read(new byte[CsvStockFile.MAX_BYTES + 1]))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
	}

	@Test
	void aHeaderOnlyFileHasNoRows() {
		assertThat(read("sku,warehouse,on_hand\n")).isEmpty();
	}

}
