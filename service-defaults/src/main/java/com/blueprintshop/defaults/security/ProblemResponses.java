package com.blueprintshop.defaults.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/** Writes the 401 and 403 bodies as RFC 9457 problems, like every other error of a service. */
final class ProblemResponses {

	private final Tracer tracer;

	ProblemResponses(Tracer tracer) {
		this.tracer = tracer;
	}

	// Only constant text goes into these bodies, so building the JSON by hand cannot inject.
	void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Span span = this.tracer.currentSpan();
		String traceId = (span != null) ? ",\"traceId\":\"" + span.context().traceId() + "\"" : "";
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"" + traceId + "}");
	}

}
