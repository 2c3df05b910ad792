package com.blueprintshop.inventory.stock;

/**
 * A stock row kept changing under a compare-and-swap for every attempt allowed. Nothing is
 * wrong with the request: it fails as a whole (its transaction rolls back) and is delivered again.
 */
public class StockContention extends RuntimeException {

	public StockContention(String message) {
		super(message);
	}

}
