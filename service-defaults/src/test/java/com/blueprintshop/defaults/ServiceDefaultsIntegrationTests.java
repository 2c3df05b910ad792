package com.blueprintshop.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import com.blueprintshop.defaults.security.ServiceSecurity;

/**
 * What a deployable gets from service-defaults, checked on a real server and against the
 * machine's PostgreSQL (127.0.0.1:5432, a throw-away database).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=sample", "eureka.client.enabled=false" })
class ServiceDefaultsIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_defaults_test");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabase.drop(DATABASE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ServiceHttpClients clients;

	RestClient client() {
		return this.clients.forBaseUrl("http://127.0.0.1:" + this.port);
	}

	@Test
	void servesLivenessAndReadinessProbes() {
		assertThat(client().get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
		assertThat(client().get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
	}

	@Test
	void recordsRequestLatencyAsPercentileHistogram() {
		client().get().uri("/boom/ok").retrieve().toBodilessEntity();
		String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains("http_server_requests_seconds_bucket{")
			.contains("application=\"sample\"")
			.contains("httpcomponents_httpclient_pool_total_max{application=\"sample\",httpclient=\"shop-http\"} 200.0");
	}

	@Test
	void returnsTheTraceIdOfEveryRequest() {
		ResponseEntity<Void> response = client().get().uri("/boom/ok").retrieve().toBodilessEntity();
		assertThat(response.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
	}

	@Test
	void turnsAnUnexpectedFailureIntoAProblemThatLeaksNothing() {
		ResponseEntity<String> response = client().get()
			.uri("/boom")
			.retrieve()
			.onStatus(status -> true, (request, reply) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains("\"title\":\"Internal error\"")
			.contains("\"traceId\":\"" + response.getHeaders().getFirst("X-Trace-Id") + "\"")
			.doesNotContain("secret");
	}

	@Test
	void answersUnknownPathsWithAProblem() {
		ResponseEntity<String> response = client().get()
			.uri("/no-such-thing")
			.retrieve()
			.onStatus(status -> true, (request, reply) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains("\"traceId\":\"" + response.getHeaders().getFirst("X-Trace-Id") + "\"");
	}

	@Test
	void aboutReportsTheServiceAndItsOwnDatabase() {
		String about = client().get().uri("/about").retrieve().body(String.class);
		assertThat(about).contains("\"service\":\"sample\"")
			.contains("\"name\":\"" + DATABASE + "\"")
			.contains("\"schemaVersion\":\"1\"")
			.contains("PostgreSQL ");
	}

	@Test
	void namesEachInvalidFieldOfABody() {
		ResponseEntity<String> response = client().post()
			.uri("/boom/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\":\"not-an-address\",\"quantity\":0}")
			.retrieve()
			.onStatus(status -> true, (request, reply) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains("{\"field\":\"email\"", "{\"field\":\"quantity\"")
			.contains("\"traceId\"");
	}

	@Test
	void namesAParameterOfTheWrongType() {
		ResponseEntity<String> response = client().get()
			.uri("/boom/page?page=abc")
			.retrieve()
			.onStatus(status -> true, (request, reply) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("{\"field\":\"page\"");
	}

	@Test
	void letsAnAdminTokenThrough() {
		ResponseEntity<String> response = adminCall(TestTokens.valid(List.of("ADMIN")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("hello user-1");
	}

	@Test
	void refusesAnAdminPathWithoutAToken() {
		ResponseEntity<String> response = adminCall(null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.getHeaders().getContentType()).satisfies(
				(type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
	}

	@Test
	void forbidsACustomerTokenOnAnAdminPath() {
		ResponseEntity<String> response = adminCall(TestTokens.valid(List.of("CUSTOMER")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("\"status\":403");
	}

	@Test
	void rejectsATamperedAnExpiredAndAForeignToken() {
		String token = TestTokens.valid(List.of("CUSTOMER"));
		// the payload claims ADMIN now, but the signature was made for CUSTOMER
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
				.replace("CUSTOMER", "ADMIN")
				.getBytes()) + "." + parts[2];
		assertThat(adminCall(forged).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(adminCall(TestTokens.expired(List.of("ADMIN"))).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(adminCall(TestTokens.fromIssuer("http://elsewhere", List.of("ADMIN"))).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(adminCall(TestTokens.signedByAnotherKey(List.of("ADMIN"))).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void keepsProbesOpen() {
		assertThat(client().get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> adminCall(String token) {
		return client().get()
			.uri("/admin/hello")
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.retrieve()
			.onStatus(status -> true, (request, reply) -> {
			})
			.toEntity(String.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestTokens.Decoder.class)
	static class SampleService {

		@Bean
		SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
			return security.resourceServer(http)
				.authorizeHttpRequests((a) -> a.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll())
				.build();
		}

		record Order(@Email @NotBlank String email, @Min(1) int quantity) {
		}

		@RestController
		static class Boom {

			@GetMapping("/boom")
			String boom() {
				throw new IllegalStateException("secret internals");
			}

			@GetMapping("/boom/ok")
			String ok() {
				return "ok";
			}

			@PostMapping("/boom/validate")
			String validate(@Valid @RequestBody Order order) {
				return "ok";
			}

			@GetMapping("/boom/page")
			String page(@RequestParam int page) {
				return "page " + page;
			}

			@GetMapping("/admin/hello")
			String hello(@AuthenticationPrincipal Jwt jwt) {
				return "hello " + jwt.getSubject();
			}

		}

	}

}
