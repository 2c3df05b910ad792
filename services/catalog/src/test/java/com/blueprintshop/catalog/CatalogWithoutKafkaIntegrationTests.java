package com.blueprintshop.catalog;

import static com.blueprintshop.defaults.TestHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestHttp;
import com.blueprintshop.defaults.TestTokens;

/**
 * With no broker to reach (the bootstrap address refuses connections), the service still starts,
 * reports ready, serves reads and accepts changes, whose events wait in the outbox.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
		"shop.catalog.seed.products=100", "spring.kafka.bootstrap-servers=127.0.0.1:9" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class CatalogWithoutKafkaIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_catalog_nokafka_test");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void servesAndAcceptsChangesWhileKafkaIsDown() {
		TestHttp http = new TestHttp(this.port);
		assertThat(ok(http.get("/actuator/health/readiness")).get("status").asString()).isEqualTo("UP");
		assertThat(ok(http.get("/categories")).size()).isGreaterThan(40);

		JsonNode product = ok(http.get("/products/studio-wireless-headphones"));
		String id = product.get("id").asString();
		Map<String, Object> edit = Map.of("name", product.get("name").asString(), "description",
				product.get("description").asString(), "categorySlug", "headphones", "price",
				Map.of("amount", 199.99, "currency", "EUR"), "featured", true, "version",
				product.get("version").asLong());
		JsonNode edited = ok(http.put("/admin/products/" + id, TestTokens.admin(), TestHttp.json(edit)));
		assertThat(edited.get("price").get("amount").decimalValue()).isEqualByComparingTo("199.99");

		assertThat(this.jdbc.sql("""
				select count(*) from outbox
				where message_key = :id and event_type = 'PRODUCT_UPDATED' and sent_at is null
				""").param("id", id).query(Long.class).single()).isOne();
	}

}
