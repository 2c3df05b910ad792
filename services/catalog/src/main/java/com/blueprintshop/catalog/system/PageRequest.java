package com.blueprintshop.catalog.system;

/**
 * A page of a list, already checked against the limits every paged endpoint shares.
 *
 * @param page 1-based, at most {@link #MAX_PAGE}
 * @param size items per page, at most {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

	/** Deeper pages cost an ever longer offset scan and no shopper reads them. */
	public static final int MAX_PAGE = 1000;

	public static final int MAX_SIZE = 48;

	public PageRequest {
		if (page < 1 || page > MAX_PAGE) {
			throw ApiException.invalid("page", "must be between 1 and " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.invalid("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public int offset() {
		return (this.page - 1) * this.size;
	}

}
