package com.blueprintshop.inventory.stock;

/**
 * A place that holds stock.
 *
 * @param id its key in the stock rows (and the order its rows are locked in)
 * @param code its short code, as warehouse staff and messages name it
 * @param name its name
 */
public record Warehouse(short id, String code, String name) {
}
