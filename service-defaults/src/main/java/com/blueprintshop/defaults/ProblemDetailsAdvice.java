package com.blueprintshop.defaults;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * RFC 9457 problem details for APIs (deployables that render pages switch it off with
 * {@code spring.mvc.problemdetails.enabled=false}): an unexpected exception becomes a 500 problem
 * that leaks nothing but a trace id, and every problem carries the trace id of its request.
 * Spring MVC's own exceptions (bad input, unknown paths, wrong methods) are turned into problems
 * by Boot's handler ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice implements ResponseBodyAdvice<Object> {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final Tracer tracer;

	ProblemDetailsAdvice(Tracer tracer) {
		this.tracer = tracer;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unhandled exception", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed unexpectedly. Quote the trace id when reporting it.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		Span span = this.tracer.currentSpan();
		if (body instanceof ProblemDetail problem && span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return body;
	}

}
