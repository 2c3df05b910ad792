package com.blueprintshop.storefront.inventory;

/**
 * Availability as a shopper reads it: in stock, only a few left, out of stock, or unknown when
 * inventory did not answer.
 *
 * @param available units that can be sold now, or null when unknown
 */
public record StockLevel(Integer available) {

	/** At or below this many, the page says how many are left. */
	public static final int FEW = 5;

	public static final StockLevel UNKNOWN = new StockLevel(null);

	public static StockLevel of(Integer available) {
		return (available != null) ? new StockLevel(available) : UNKNOWN;
	}

	public boolean known() {
		return this.available != null;
	}

	/** For a stylesheet class: {@code in-stock}, {@code few-left}, {@code out-of-stock} or {@code unknown}. */
	public String state() {
		if (this.available == null) {
			return "unknown";
		}
		if (this.available <= 0) {
			return "out-of-stock";
		}
		return (this.available <= FEW) ? "few-left" : "in-stock";
	}

	public String label() {
		return switch (state()) {
			case "unknown" -> "Availability unknown";
			case "out-of-stock" -> "Out of stock";
			case "few-left" -> "Only " + this.available + " left";
			default -> "In stock";
		};
	}

	/** Whether {@code quantity} is more than can be sold now; false when availability is unknown. */
	public boolean fallsShortOf(int quantity) {
		return this.available != null && quantity > this.available;
	}

}
