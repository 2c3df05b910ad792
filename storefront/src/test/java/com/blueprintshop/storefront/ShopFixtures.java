package com.blueprintshop.storefront;

/** What the stubbed gateway answers in the cart, checkout and order tests. */
public final class ShopFixtures {

	public static final String PRODUCT_PATH = "/api/catalog/products/studio-headphones";

	public static final String AVAILABILITY_PATH = "/api/inventory/availability";

	/** A product with two variants: black at the product's price, white at its own. */
	public static final String HEADPHONES = """
			{"id":"8a6e0804-2bd0-4672-b79a-d97f5ad68baa","slug":"studio-headphones","name":"Studio headphones",
			 "description":"Closed-back.","category":{"slug":"headphones","name":"Headphones"},
			 "breadcrumbs":[{"slug":"audio","name":"Audio"}],"price":{"amount":19.99,"currency":"EUR"},"status":"ACTIVE",
			 "skus":[{"sku":"HP-1-BLK","size":null,"colour":"Black","price":null},
			         {"sku":"HP-1-WHT","size":null,"colour":"White","price":{"amount":21.50,"currency":"EUR"}}],
			 "images":[],"featured":false,"createdAt":"2026-02-01T10:00:00Z","updatedAt":"2026-02-01T10:00:00Z","version":3}
			""";

	public static final String ORDER_ID = "5f8e2a9c-3b1d-4c7e-9a2f-6d4b8e1c0a37";

	private ShopFixtures() {
	}

	public static String availability(int black, int white) {
		return """
				[{"sku":"HP-1-BLK","available":%d},{"sku":"HP-1-WHT","available":%d}]
				""".formatted(black, white);
	}

	public static String order(String status, boolean cancellable) {
		return """
				{"orderId":"%s","status":"%s","reason":null,
				 "lines":[{"sku":"HP-1-WHT","productName":"Studio headphones","quantity":2,
				           "unitPrice":{"amount":21.50,"currency":"EUR"},"lineTotal":{"amount":43.00,"currency":"EUR"}}],
				 "total":{"amount":43.00,"currency":"EUR"},
				 "shippingAddress":{"name":"Ada Lovelace","line1":"1 Main Street","line2":null,"city":"Dublin",
				                    "postcode":"D01 F5P2","country":"IE"},
				 "cardLast4":"4242","createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:01Z",
				 "cancellable":%s}
				""".formatted(ORDER_ID, status, cancellable);
	}

	public static String status(String status, String reason) {
		return """
				{"orderId":"%s","status":"%s","reason":%s,"updatedAt":"2026-03-01T12:00:05Z"}
				""".formatted(ORDER_ID, status, (reason != null) ? "\"" + reason + "\"" : "null");
	}

}
