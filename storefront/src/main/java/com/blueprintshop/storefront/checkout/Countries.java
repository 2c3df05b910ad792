package com.blueprintshop.storefront.checkout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the shop delivers, by ISO 3166 code, as the checkout's country list offers them. */
final class Countries {

	static final Map<String, String> ALL;

	static {
		Map<String, String> countries = new LinkedHashMap<>();
		countries.put("IE", "Ireland");
		countries.put("AT", "Austria");
		countries.put("BE", "Belgium");
		countries.put("FR", "France");
		countries.put("DE", "Germany");
		countries.put("IT", "Italy");
		countries.put("NL", "Netherlands");
		countries.put("PT", "Portugal");
		countries.put("ES", "Spain");
		countries.put("GB", "United Kingdom");
		ALL = Collections.unmodifiableMap(countries);
	}

	private Countries() {
	}

}
