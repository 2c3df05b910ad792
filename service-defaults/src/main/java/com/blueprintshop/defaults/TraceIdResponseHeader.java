package com.blueprintshop.defaults;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Returns the trace id of each request in {@code X-Trace-Id}, so a person holding a response
 * (or an error page) can find every log line of that request across all services.
 */
class TraceIdResponseHeader extends OncePerRequestFilter {

	static final String HEADER = "X-Trace-Id";

	private final Tracer tracer;

	TraceIdResponseHeader(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
