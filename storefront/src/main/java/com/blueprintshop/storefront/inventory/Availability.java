package com.blueprintshop.storefront.inventory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.blueprintshop.storefront.system.GatewayCalls;
import com.blueprintshop.storefront.system.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * How many of each SKU can be sold now, from inventory through the gateway
 * ({@code GET /api/inventory/availability?sku=A&sku=B}), asked anonymously: it is the same for
 * every shopper. A SKU inventory does not list has none. A page that shows availability does
 * without it when inventory does not answer ({@link #lookup}).
 */
@Component
public class Availability {

	private static final Logger log = LoggerFactory.getLogger(Availability.class);

	/** SKUs per request, so that a URL stays short whatever a page asks about. */
	static final int SKUS_PER_CALL = 50;

	private static final ParameterizedTypeReference<List<Level>> LEVELS = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	Availability(RestClient gateway) {
		this.gateway = gateway;
	}

	/**
	 * Units available per SKU, every SKU asked about present (0 when inventory does not know
	 * it); empty when inventory could not be asked.
	 */
	public Optional<Map<String, Integer>> lookup(Collection<String> skus) {
		try {
			return Optional.of(of(skus));
		}
		catch (GatewayException ex) {
			log.warn("Availability unknown: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	Map<String, Integer> of(Collection<String> skus) {
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(skus));
		Map<String, Integer> available = new HashMap<>();
		distinct.forEach((sku) -> available.put(sku, 0));
		for (int from = 0; from < distinct.size(); from += SKUS_PER_CALL) {
			List<String> chunk = distinct.subList(from, Math.min(from + SKUS_PER_CALL, distinct.size()));
			List<Level> levels = GatewayCalls.call(() -> this.gateway.get()
				.uri((uri) -> query(uri, chunk))
				.retrieve()
				.body(LEVELS));
			if (levels != null) {
				for (Level level : levels) {
					if (level != null && available.containsKey(level.sku())) {
						available.put(level.sku(), Math.max(level.available(), 0));
					}
				}
			}
		}
		return available;
	}

	// values go in as URI variables so that they are encoded as values, whatever a SKU holds
	private static URI query(UriBuilder uri, List<String> skus) {
		UriBuilder availability = uri.path("/api/inventory/availability");
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < skus.size(); i++) {
			availability.queryParam("sku", "{s" + i + "}");
			values.put("s" + i, skus.get(i));
		}
		return availability.build(values);
	}

	/** One entry of inventory's answer. */
	record Level(String sku, int available) {
	}

}
