package com.blueprintshop.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A plain HTTP client for the running service that returns every status instead of throwing and
 * never sends a request twice (Apache HttpClient, the default when present, re-sends after a 503
 * with Retry-After). Shared with the services' tests through this module's test jar.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();

	private final String base;

	public TestHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Paths and queries go out exactly as written: tests encode what needs encoding. */
	private URI uri(String pathAndQuery) {
		return URI.create(this.base + pathAndQuery);
	}

	public Reply get(String uri) {
		return get(uri, null);
	}

	public Reply get(String uri, String token) {
		return exchange(this.client.get().uri(uri(uri)).headers(bearer(token)).retrieve().onStatus((s) -> true, (q, r) -> {
		}).toEntity(byte[].class));
	}

	/** A POST without a body. */
	public Reply post(String uri, String token) {
		return post(uri, token, null);
	}

	/** A POST with {@code json} as an application/json body, or none when it is null. */
	public Reply post(String uri, String token, String json) {
		RestClient.RequestBodySpec request = this.client.post().uri(uri(uri)).headers(bearer(token));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return exchange(request.retrieve().onStatus((s) -> true, (q, r) -> {
		}).toEntity(byte[].class));
	}

	public Reply put(String uri, String token, String json) {
		return exchange(this.client.put()
			.uri(uri(uri))
			.headers(bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.onStatus((s) -> true, (q, r) -> {
			})
			.toEntity(byte[].class));
	}

	public Reply upload(String uri, String token, String filename, MediaType type, byte[] bytes) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(type);
		parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		}, partHeaders));
		return exchange(this.client.post()
			.uri(uri(uri))
			.headers(bearer(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
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

	/** The body of a 200 response, failing the test with the response otherwise. */
	public static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	/** The fields a problem names, in order. */
	public static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	/** The {@code slug} of each element. */
	public static List<String> slugs(JsonNode refs) {
		List<String> slugs = new ArrayList<>();
		refs.forEach((ref) -> slugs.add(ref.get("slug").asString()));
		return slugs;
	}

	/** The {@code name} of each element. */
	public static List<String> names(JsonNode items) {
		List<String> names = new ArrayList<>();
		items.forEach((item) -> names.add(item.get("name").asString()));
		return names;
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
