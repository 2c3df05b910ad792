package com.blueprintshop.storefront.catalog;

import java.time.Duration;

import com.blueprintshop.storefront.GatewayStub;
import com.blueprintshop.storefront.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentsTests {

	private final GatewayStub gateway = GatewayStub.shared();

	private final TestClock clock = new TestClock();

	private Departments departments;

	@BeforeEach
	void setUp() {
		this.gateway.reset();
		this.departments = new Departments(new CatalogClient(RestClient.builder()
			// the JDK client does not retry a 503 by itself (as the shop's own pooled client does not)
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl(this.gateway.uri())
			.build()), this.clock);
	}

	@Test
	void listsTheTopLevelCategoriesOnly() {
		assertThat(this.departments.all()).extracting(Category::slug).containsExactly("audio", "home");
	}

	@Test
	void asksCatalogAtMostOnceAMinute() {
		this.departments.all();
		this.clock.advance(Duration.ofSeconds(59));
		this.departments.all();
		assertThat(calls()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(2));
		this.departments.all();
		assertThat(calls()).isEqualTo(2);
	}

	@Test
	void keepsWhatItHadWhileCatalogIsDownAndTriesAgainSoon() {
		this.departments.all();
		this.gateway.json("GET", "/api/catalog/categories", 503, "{\"status\":503}");
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.departments.all()).extracting(Category::slug).containsExactly("audio", "home");
		this.departments.all();
		assertThat(calls()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(11));
		this.departments.all();
		assertThat(calls()).isEqualTo(3);
	}

	@Test
	void isEmptyWhenCatalogHasNeverAnswered() {
		this.gateway.json("GET", "/api/catalog/categories", 503, "{\"status\":503}");
		assertThat(this.departments.all()).isEmpty();
	}

	private long calls() {
		return this.gateway.requests().stream().filter((r) -> r.path().equals("/api/catalog/categories")).count();
	}

}
