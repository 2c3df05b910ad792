package com.blueprintshop.inventory.reservation;

import java.util.ArrayList;
import java.util.List;

import com.blueprintshop.inventory.stock.StockRow;

/**
 * Which warehouses a line is taken from: the first (in warehouse id order) that has the whole
 * quantity available, so an order ships from as few places as possible; otherwise the quantity
 * is split over the warehouses in id order, each giving what it has.
 */
final class Allocation {

	private Allocation() {
	}

	/**
	 * @param rows one SKU's stock rows in warehouse id order
	 * @param quantity how many units the line asks for (more than 0)
	 * @return the rows to take from and how many units each, or {@code null} when all of them
	 * together have fewer units available
	 */
	static List<Piece> plan(List<StockRow> rows, int quantity) {
		for (StockRow row : rows) {
			if (row.available() >= quantity) {
				return List.of(new Piece(row, quantity));
			}
		}
		List<Piece> pieces = new ArrayList<>();
		int missing = quantity;
		for (StockRow row : rows) {
			if (missing == 0) {
				break;
			}
			int take = Math.min(missing, row.available());
			if (take > 0) {
				pieces.add(new Piece(row, take));
				missing -= take;
			}
		}
		return (missing == 0) ? List.copyOf(pieces) : null;
	}

	static int available(List<StockRow> rows) {
		return rows.stream().mapToInt(StockRow::available).sum();
	}

	/**
	 * @param row the stock row as read (its version is what the compare-and-swap expects)
	 * @param quantity units to hold there
	 */
	record Piece(StockRow row, int quantity) {
	}

}
