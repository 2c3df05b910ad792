package com.blueprintshop.catalog.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

	@Test
	void makesLowerCaseHyphenatedAsciiSlugs() {
		assertThat(Slugs.slugify("Walnut Pour-Over Coffee Kettle", 80)).isEqualTo("walnut-pour-over-coffee-kettle");
		assertThat(Slugs.slugify("Coffee & Tea", 80)).isEqualTo("coffee-and-tea");
		assertThat(Slugs.slugify("Sauté Pan — 28 cm", 80)).isEqualTo("saute-pan-28-cm");
		assertThat(Slugs.slugify("Chef's Knife", 80)).isEqualTo("chef-s-knife");
	}

	@Test
	void isTheSameForTheSameName() {
		assertThat(Slugs.slugify("Studio Wireless Headphones", 80)).isEqualTo(Slugs.slugify("Studio Wireless Headphones", 80));
	}

	@Test
	void cutsLongNamesAtAWordBoundary() {
		String slug = Slugs.slugify("Extra Long Name ".repeat(10), 40);
		assertThat(slug).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").startsWith("extra-long-name-extra");
	}

	@Test
	void neverReturnsAnEmptySlug() {
		assertThat(Slugs.slugify("!!! ???", 80)).isEqualTo("item");
	}

}
