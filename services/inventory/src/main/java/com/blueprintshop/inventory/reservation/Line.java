package com.blueprintshop.inventory.reservation;

/**
 * A line of a {@code ReserveStock} command as sent: checked by {@link Reservations}, which answers
 * a bad line with a shortage rather than refusing the command.
 *
 * @param sku the SKU
 * @param quantity how many units, or {@code null} when the sender left it out
 */
public record Line(String sku, Integer quantity) {
}
