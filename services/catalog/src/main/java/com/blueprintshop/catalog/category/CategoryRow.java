package com.blueprintshop.catalog.category;

import java.util.UUID;

/** A row of table {@code category}; never leaves this package as it is. */
record CategoryRow(UUID id, UUID parentId, String slug, String name, String description, int position,
		String status) {

	boolean active() {
		return "ACTIVE".equals(this.status);
	}

}
