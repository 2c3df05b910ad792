package com.blueprintshop.order.checkout;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.blueprintshop.defaults.ServiceHttpClients;
import com.blueprintshop.order.system.ApiException;
import com.blueprintshop.order.system.Money;

/**
 * The current price of each SKU, from catalog ({@code GET http://catalog/skus?sku=…}), asked
 * directly through discovery rather than through the gateway. The one synchronous call on the
 * checkout path: an order is priced by the catalog, never by what the browser sent.
 */
@Component
class CatalogPrices {

	private final RestClient catalog;

	CatalogPrices(ServiceHttpClients clients) {
		this.catalog = clients.forService("catalog");
	}

	/** The SKUs catalog knows, by code; unknown codes are missing from the map. */
	Map<String, Sku> lookup(List<String> skus) {
		try {
			SkuList list = this.catalog.get()
				.uri((uri) -> uri.path("/skus").queryParam("sku", skus.toArray()).build())
				.retrieve()
				.body(SkuList.class);
			List<Sku> items = (list != null && list.items() != null) ? list.items() : List.of();
			return items.stream().collect(Collectors.toMap(Sku::sku, Function.identity()));
		}
		catch (RestClientException | IllegalStateException ex) {
			throw ApiException.unavailable("Prices cannot be checked right now, so the order was not placed. "
					+ "Please try again in a moment.");
		}
	}

	/** What the order service reads of catalog's SKU (catalog's own record has more). */
	record Sku(String sku, UUID productId, String productName, Money price, String status) {

		boolean sellable() {
			return "ACTIVE".equals(this.status);
		}

	}

	record SkuList(List<Sku> items) {
	}

}
