package com.blueprintshop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

import com.blueprintshop.catalog.system.ApiException;

class ProductSortTests {

	@Test
	void mapsTheContractsNamesToFixedOrderings() {
		assertThat(ProductSort.parse("price_asc").orderBy()).isEqualTo("p.price_amount asc, p.id asc");
		assertThat(ProductSort.parse("price_desc").orderBy()).isEqualTo("p.price_amount desc, p.id desc");
		assertThat(ProductSort.parse("name")).isEqualTo(ProductSort.NAME);
		assertThat(ProductSort.parse(null)).isEqualTo(ProductSort.NEWEST);
	}

	@Test
	void everyOrderingEndsInTheIdSoItIsTotal() {
		for (ProductSort sort : ProductSort.values()) {
			assertThat(sort.orderBy()).containsPattern("p\\.id (asc|desc)$");
		}
	}

	@Test
	void refusesAnythingElseNamingTheField() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ProductSort.parse("price; drop table product"))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("sort")));
	}

}
