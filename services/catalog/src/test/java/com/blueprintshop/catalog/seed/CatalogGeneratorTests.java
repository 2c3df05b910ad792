package com.blueprintshop.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.blueprintshop.catalog.seed.CatalogGenerator.SeedCategory;
import com.blueprintshop.catalog.seed.CatalogGenerator.SeedProduct;

class CatalogGeneratorTests {

	private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

	@Test
	void theSameSeedGeneratesTheSameCatalog() {
		List<SeedProduct> first = new CatalogGenerator(42).products(500, NOW);
		List<SeedProduct> second = new CatalogGenerator(42).products(500, NOW);
		for (int i = 0; i < first.size(); i++) {
			SeedProduct a = first.get(i);
			SeedProduct b = second.get(i);
			assertThat(b.id()).isEqualTo(a.id());
			assertThat(b.name()).isEqualTo(a.name());
			assertThat(b.slug()).isEqualTo(a.slug());
			assertThat(b.description()).isEqualTo(a.description());
			assertThat(b.price()).isEqualTo(a.price());
			assertThat(b.createdAt()).isEqualTo(a.createdAt());
			assertThat(b.skus()).isEqualTo(a.skus());
			assertThat(b.images()).hasSameSizeAs(a.images());
			for (int j = 0; j < a.images().size(); j++) {
				assertThat(b.images().get(j).svg()).isEqualTo(a.images().get(j).svg());
				assertThat(b.images().get(j).id()).isEqualTo(a.images().get(j).id());
			}
		}
		assertThat(new CatalogGenerator(42).categories()).isEqualTo(new CatalogGenerator(42).categories());
	}

	@Test
	void aDifferentSeedGeneratesDifferentProducts() {
		List<String> seed42 = names(new CatalogGenerator(42).products(50, NOW));
		List<String> seed7 = names(new CatalogGenerator(7).products(50, NOW));
		assertThat(seed7.subList(1, 50)).isNotEqualTo(seed42.subList(1, 50));
	}

	@Test
	void theFirstProductsDoNotDependOnHowManyAreGenerated() {
		assertThat(names(new CatalogGenerator(42).products(20, NOW)))
			.isEqualTo(names(new CatalogGenerator(42).products(2000, NOW)).subList(0, 20));
	}

	@Test
	void theProductTheSuitesSearchForIsAlwaysThere() {
		SeedProduct first = new CatalogGenerator(1234).products(1, NOW).getFirst();
		assertThat(first.name()).isEqualTo("Studio Wireless Headphones");
		assertThat(first.slug()).isEqualTo("studio-wireless-headphones");
		assertThat(first.categorySlug()).isEqualTo("headphones");
	}

	@Test
	void namesAndSlugsAreUniqueAndSlugsAreUrlSafe() {
		List<SeedProduct> products = new CatalogGenerator(42).products(3000, NOW);
		assertThat(products.stream().map(SeedProduct::name).distinct()).hasSize(products.size());
		assertThat(products.stream().map(SeedProduct::slug).distinct()).hasSize(products.size());
		assertThat(products).allSatisfy((p) -> {
			assertThat(p.slug()).matches("[a-z0-9-]{1,140}");
			assertThat(p.name().length()).isBetween(1, 120);
			assertThat(p.description().split("(?<=\\.) ")).hasSizeBetween(2, 4);
		});
	}

	@Test
	void pricesAreExactShopPricesWithinTheCategorysRange() {
		List<SeedProduct> products = new CatalogGenerator(42).products(2000, NOW);
		assertThat(products).allSatisfy((p) -> {
			assertThat(p.price().scale()).isEqualTo(2);
			assertThat(p.price().remainder(BigDecimal.ONE)).isIn(new BigDecimal("0.99"), new BigDecimal("0.49"));
			Taxonomy.Leaf leaf = leaf(p.categorySlug());
			assertThat(p.price()).isBetween(BigDecimal.valueOf(leaf.minPrice() - 1), BigDecimal.valueOf(leaf.maxPrice() + 1));
		});
	}

	@Test
	void everyProductHasOneToThreeSkusAndOneOrTwoSmallSvgImages() {
		List<SeedProduct> products = new CatalogGenerator(42).products(2000, NOW);
		Set<String> codes = new HashSet<>();
		assertThat(products).allSatisfy((p) -> {
			assertThat(p.skus()).hasSizeBetween(1, 3);
			p.skus().forEach((sku) -> assertThat(codes.add(sku.code())).isTrue());
			assertThat(p.images()).hasSizeBetween(1, 2);
			p.images().forEach((image) -> {
				String svg = new String(image.svg(), StandardCharsets.UTF_8);
				assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
				assertThat(svg).doesNotContain("<script", "href", "style");
				assertThat(image.svg().length).isBetween(400, 1500);
			});
		});
	}

	@Test
	void aboutOneProductInTwentyIsFeaturedAndCreationTimesSpreadOverAYear() {
		List<SeedProduct> products = new CatalogGenerator(42).products(2000, NOW);
		long featured = products.stream().filter(SeedProduct::featured).count();
		assertThat(featured).isBetween(60L, 140L);
		assertThat(products).allSatisfy((p) -> assertThat(p.createdAt())
			.isBetween(NOW.minusSeconds(366L * 24 * 3600), NOW));
		assertThat(products.stream().map((p) -> p.createdAt().getEpochSecond() / (30L * 24 * 3600)).distinct().count())
			.isGreaterThanOrEqualTo(12);
	}

	@Test
	void categoriesFormATwoLevelTreeOfEightDepartments() {
		List<SeedCategory> categories = new CatalogGenerator(42).categories();
		List<SeedCategory> departments = categories.stream().filter((c) -> c.parentId() == null).toList();
		assertThat(departments).hasSize(8);
		assertThat(categories).hasSizeBetween(50, 60);
		Set<UUID> departmentIds = departments.stream().map(SeedCategory::id).collect(Collectors.toSet());
		assertThat(categories).filteredOn((c) -> c.parentId() != null)
			.allSatisfy((c) -> assertThat(departmentIds).contains(c.parentId()));
		assertThat(categories.stream().map(SeedCategory::slug).distinct()).hasSize(categories.size());
	}

	private static List<String> names(List<SeedProduct> products) {
		return products.stream().map(SeedProduct::name).toList();
	}

	private static Taxonomy.Leaf leaf(String slug) {
		return Taxonomy.DEPARTMENTS.stream()
			.flatMap((d) -> d.leaves().stream())
			.filter((l) -> l.slug().equals(slug))
			.findFirst()
			.orElseThrow();
	}

}
