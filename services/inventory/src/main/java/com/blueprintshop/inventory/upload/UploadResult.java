package com.blueprintshop.inventory.upload;

import java.util.List;

/**
 * What a stock upload did.
 *
 * @param rows data rows in the file
 * @param applied rows that changed the units on hand
 * @param unchanged rows that counted what was already recorded
 * @param rejected rows not applied, by line, with the reason
 * @param batches transactions the applied and unchanged rows were written in
 */
public record UploadResult(int rows, int applied, int unchanged, List<Rejected> rejected, int batches) {

	/**
	 * @param line the row's line in the file (the header is line 1)
	 * @param sku its SKU column as written
	 * @param reason why it was not applied
	 */
	public record Rejected(int line, String sku, String reason) {
	}

}
