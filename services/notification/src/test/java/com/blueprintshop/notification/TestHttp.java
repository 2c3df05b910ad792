package com.blueprintshop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A plain HTTP client for the running service that returns every status instead of throwing. */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client = RestClient.create();

	private final String base;

	public TestHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Reply get(String uri, String token) {
		return exchange(this.client.get().uri(URI.create(this.base + uri)).headers(bearer(token)).retrieve()
			.onStatus((s) -> true, (q, r) -> {
			})
			.toEntity(byte[].class));
	}

	public Reply post(String uri, String token) {
		return exchange(this.client.post().uri(URI.create(this.base + uri)).headers(bearer(token)).retrieve()
			.onStatus((s) -> true, (q, r) -> {
			})
			.toEntity(byte[].class));
	}

	private static Consumer<HttpHeaders> bearer(String token) {
		return (headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		};
	}

	private static Reply exchange(ResponseEntity<byte[]> response) {
		byte[] body = (response.getBody() != null) ? response.getBody() : new byte[0];
		return new Reply(response.getStatusCode().value(), response.getHeaders(), body);
	}

	/** The body of a 200 response, failing the test with the response otherwise. */
	public static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	/** A response: status, headers, body. */
	public record Reply(int status, HttpHeaders headers, byte[] bytes) {

		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.bytes);
		}

		@Override
		public String toString() {
			return this.status + " " + body();
		}

	}

}
