package com.blueprintshop.inventory.sku;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class CatalogClientTests {

	@Test
	void aBareHostIsADiscoveryNameAndAnAddressIsCalledAsItIs() {
		assertThat(CatalogClient.isServiceName(URI.create("http://catalog"))).isTrue();
		assertThat(CatalogClient.isServiceName(URI.create("http://catalog/"))).isTrue();
		assertThat(CatalogClient.isServiceName(URI.create("http://127.0.0.1:9002"))).isFalse();
		assertThat(CatalogClient.isServiceName(URI.create("http://catalog:9002"))).isFalse();
		assertThat(CatalogClient.isServiceName(URI.create("http://localhost"))).isFalse();
		assertThat(CatalogClient.isServiceName(URI.create("https://catalog.shop.example"))).isFalse();
		assertThat(CatalogClient.isServiceName(URI.create("http://catalog/api/catalog"))).isFalse();
	}

}
