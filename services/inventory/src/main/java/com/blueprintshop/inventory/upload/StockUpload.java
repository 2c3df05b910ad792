package com.blueprintshop.inventory.upload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.inventory.stock.StockEvents;
import com.blueprintshop.inventory.stock.StockRow;
import com.blueprintshop.inventory.stock.StockRows;
import com.blueprintshop.inventory.stock.Warehouse;
import com.blueprintshop.inventory.stock.Warehouses;
import com.blueprintshop.inventory.system.InventoryProperties;
import com.blueprintshop.inventory.system.SkuCodes;
import com.blueprintshop.inventory.upload.CsvStockFile.Row;
import com.blueprintshop.inventory.upload.UploadResult.Rejected;

/**
 * Applies a counted stock file: the file is read whole first (a malformed one changes nothing),
 * every row is checked, and the valid rows are applied in batches of
 * {@code shop.inventory.upload-batch-size}, one transaction each, with the {@code StockChanged}
 * events of the SKUs each batch changed. A row sets the units on hand by compare-and-swap on the
 * row's version, so a reservation made meanwhile is never overwritten: the row is read again and
 * applied again within its batch, or rejected if the count no longer covers what is reserved.
 */
@Service
public class StockUpload {

	private static final Logger log = LoggerFactory.getLogger(StockUpload.class);

	static final int MAX_ON_HAND = 1_000_000;

	private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,7}");

	/** SKUs looked up per query while checking the file. */
	private static final int LOOKUP_CHUNK = 1000;

	private final JdbcClient jdbc;

	private final StockRows stock;

	private final StockEvents events;

	private final Warehouses warehouses;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final int attempts;

	StockUpload(JdbcClient jdbc, StockRows stock, StockEvents events, Warehouses warehouses,
			PlatformTransactionManager transactions, InventoryProperties properties) {
		this.jdbc = jdbc;
		this.stock = stock;
		this.events = events;
		this.warehouses = warehouses;
		this.transactions = new TransactionTemplate(transactions);
		this.batchSize = properties.uploadBatchSize();
		// a bulk count competes with checkout on hot rows: a few more tries than a reservation
		this.attempts = properties.casAttempts() * 2;
	}

	/** @throws com.blueprintshop.inventory.system.ApiException for a file that cannot be read as a stock count */
	public UploadResult apply(byte[] file) {
		List<Row> rows = CsvStockFile.read(file);
		List<Rejected> rejected = new ArrayList<>();
		List<Count> valid = check(rows, rejected);
		int applied = 0;
		int unchanged = 0;
		int batches = 0;
		for (int from = 0; from < valid.size(); from += this.batchSize) {
			List<Count> batch = valid.subList(from, Math.min(valid.size(), from + this.batchSize));
			Outcomes outcomes = this.transactions.execute((status) -> applyBatch(batch));
			batches++;
			applied += outcomes.applied();
			unchanged += outcomes.unchanged();
			rejected.addAll(outcomes.rejected());
		}
		rejected.sort(Comparator.comparingInt(Rejected::line));
		log.info("Stock upload: {} rows, {} applied, {} unchanged, {} rejected, in {} batches", rows.size(), applied,
				unchanged, rejected.size(), batches);
		return new UploadResult(rows.size(), applied, unchanged, List.copyOf(rejected), batches);
	}

	/** The rows whose values are valid; the others go to {@code rejected}. */
	private List<Count> check(List<Row> rows, List<Rejected> rejected) {
		Map<String, List<Integer>> linesByKey = new HashMap<>();
		for (Row row : rows) {
			linesByKey.computeIfAbsent(key(row), (key) -> new ArrayList<>()).add(row.line());
		}
		Set<String> known = known(rows.stream().map(Row::sku).filter(SkuCodes::isWellFormed).collect(Collectors.toSet()));
		List<Count> candidates = new ArrayList<>();
		for (Row row : rows) {
			Optional<Warehouse> warehouse = this.warehouses.byCode(row.warehouse().toUpperCase(Locale.ROOT));
			List<Integer> sameKey = linesByKey.get(key(row));
			String reason = null;
			if (!SkuCodes.isWellFormed(row.sku())) {
				reason = "sku " + SkuCodes.RULE;
			}
			else if (!known.contains(row.sku())) {
				reason = "unknown SKU";
			}
			else if (warehouse.isEmpty()) {
				reason = "unknown warehouse '" + abbreviate(row.warehouse()) + "'";
			}
			else if (!QUANTITY.matcher(row.onHand()).matches() || Integer.parseInt(row.onHand()) > MAX_ON_HAND) {
				reason = "on_hand must be a whole number from 0 to " + MAX_ON_HAND;
			}
			else if (sameKey.size() > 1) {
				reason = "the same sku and warehouse are on lines " + sameKey.stream().map(String::valueOf)
					.collect(Collectors.joining(", ")) + "; count each once";
			}
			if (reason != null) {
				rejected.add(new Rejected(row.line(), (row.sku().length() > 60) ? row.sku().substring(0, 60) + "…" : row.sku(),
						reason));
			}
			else {
				candidates.add(new Count(row.line(), row.sku(), warehouse.get().id(), Integer.parseInt(row.onHand())));
			}
		}
		Map<String, StockRow> current = current(candidates.stream().map(Count::sku).collect(Collectors.toSet()));
		List<Count> valid = new ArrayList<>();
		for (Count count : candidates) {
			StockRow row = current.get(count.sku() + "\u0000" + count.warehouseId());
			if (row != null && count.onHand() < row.reserved()) {
				rejected.add(belowReserved(count, row.reserved()));
			}
			else {
				valid.add(count);
			}
		}
		return valid;
	}

	/** One batch, in (SKU, warehouse id) order like every writer of stock rows. */
	private Outcomes applyBatch(List<Count> batch) {
		List<Count> ordered = new ArrayList<>(batch);
		ordered.sort(Comparator.comparing(Count::sku).thenComparing(Count::warehouseId));
		int applied = 0;
		int unchanged = 0;
		List<Rejected> rejected = new ArrayList<>();
		Set<String> changed = new TreeSet<>();
		for (Count count : ordered) {
			switch (applyOne(count)) {
				case Applied ignored -> {
					applied++;
					changed.add(count.sku());
				}
				case Unchanged ignored -> unchanged++;
				case Refused refused -> rejected.add(refused.rejected());
			}
		}
		this.events.changed(changed);
		return new Outcomes(applied, unchanged, rejected);
	}

	private Outcome applyOne(Count count) {
		for (int attempt = 0; attempt < this.attempts; attempt++) {
			Optional<StockRow> found = this.stock.find(count.sku(), count.warehouseId());
			if (found.isEmpty()) {
				if (this.stock.insert(count.sku(), count.warehouseId(), count.onHand())) {
					return (count.onHand() == 0) ? new Unchanged() : new Applied();
				}
				continue;
			}
			StockRow row = found.get();
			if (row.onHand() == count.onHand()) {
				return new Unchanged();
			}
			if (count.onHand() < row.reserved()) {
				return new Refused(belowReserved(count, row.reserved()));
			}
			if (this.stock.count(row, count.onHand())) {
				return new Applied();
			}
		}
		return new Refused(new Rejected(count.line(), count.sku(),
				"the stock kept changing while the upload ran; upload this row again"));
	}

	private Set<String> known(Collection<String> skus) {
		Set<String> known = new HashSet<>();
		for (List<String> chunk : chunks(skus)) {
			known.addAll(this.jdbc.sql("select sku from sku where sku in (:skus)").param("skus", chunk).query(String.class).list());
		}
		return known;
	}

	private Map<String, StockRow> current(Collection<String> skus) {
		Map<String, StockRow> rows = new HashMap<>();
		for (List<String> chunk : chunks(skus)) {
			for (StockRow row : this.stock.of(chunk)) {
				rows.put(row.sku() + "\u0000" + row.warehouseId(), row);
			}
		}
		return rows;
	}

	private static List<List<String>> chunks(Collection<String> values) {
		List<String> all = new ArrayList<>(values);
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
			chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)));
		}
		return chunks;
	}

	private static String key(Row row) {
		return row.sku() + "\u0000" + row.warehouse().toUpperCase(Locale.ROOT);
	}

	private static Rejected belowReserved(Count count, int reserved) {
		return new Rejected(count.line(), count.sku(), "on_hand " + count.onHand() + " is below the " + reserved
				+ " units reserved for orders");
	}

	private static String abbreviate(String value) {
		return (value.length() > 20) ? value.substring(0, 20) + "…" : value;
	}

	/** A valid row: set the units on hand of this SKU in this warehouse. */
	private record Count(int line, String sku, short warehouseId, int onHand) {
	}

	private record Outcomes(int applied, int unchanged, List<Rejected> rejected) {
	}

	private sealed interface Outcome permits Applied, Unchanged, Refused {
	}

	private record Applied() implements Outcome {
	}

	private record Unchanged() implements Outcome {
	}

	private record Refused(Rejected rejected) implements Outcome {
	}

}
