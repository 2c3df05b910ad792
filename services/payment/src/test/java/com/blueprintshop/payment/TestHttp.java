package com.blueprintshop.payment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A plain HTTP client for the running service that returns every status instead of throwing and
 * never sends a request twice (Apache HttpClient, the default when present, re-sends after a 503
 * with Retry-After).
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();

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

	public Reply post(String uri, String token, String json) {
		return exchange(this.client.post().uri(URI.create(this.base + uri)).headers(bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.onStatus((s) -> true, (q, r) -> {
			})
			.toEntity(byte[].class));
	}

	public Reply put(String uri, String token, String json) {
		return exchange(this.client.put().uri(URI.create(this.base + uri)).headers(bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
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

	/** The fields a problem names, in order. */
	public static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
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
