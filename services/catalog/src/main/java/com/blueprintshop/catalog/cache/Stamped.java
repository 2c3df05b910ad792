package com.blueprintshop.catalog.cache;

/**
 * A cached value with the catalog generation it was read at (a product entry: the generation of
 * its last change). A {@code null} value is an absence worth remembering: no such product, or a
 * retired one (a tombstone).
 *
 * @param <V> the value type
 * @param stamp orders entries of one key: an entry never replaces one with a higher stamp
 * @param value the value, or {@code null}
 */
public record Stamped<V>(long stamp, V value) {

	public boolean absent() {
		return this.value == null;
	}

}
