package com.blueprintshop.gateway;

import java.io.IOException;
import java.net.SocketTimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a failure to reach a service into an RFC 9457 problem the caller can act on: no
 * instance or a refused connection is 503 with Retry-After, a service that accepted the call
 * but did not answer within the read timeout is 504. Never a hang, never a bare 500.
 */
@Component
class DownstreamProblems implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DownstreamProblems.class);

	private final JsonMapper json;

	DownstreamProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof ResourceAccessException || ex instanceof HttpStatusCodeException)) {
			return null;
		}
		String service = serviceOf(request.getRequestURI());
		HttpStatus status = statusFor(ex);
		log.warn("{} {} → {} failed: {}", request.getMethod(), request.getRequestURI(), service, ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(service, status));
		problem.setTitle((status == HttpStatus.GATEWAY_TIMEOUT) ? "Service timed out" : "Service unavailable");
		problem.setProperty("service", service);
		try {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			if (status == HttpStatus.SERVICE_UNAVAILABLE) {
				response.setHeader("Retry-After", "5");
			}
			this.json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException writeFailed) {
			log.debug("Could not write the problem response", writeFailed);
		}
		return new ModelAndView();
	}

	static HttpStatus statusFor(Exception ex) {
		if (ex instanceof ResourceAccessException && ex.getCause() instanceof SocketTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (ex instanceof HttpStatusCodeException statusEx && statusEx.getStatusCode().value() == 504) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	/** {@code /api/catalog/products} → {@code catalog}. */
	static String serviceOf(String path) {
		String[] parts = path.split("/", 4);
		return (parts.length > 2 && "api".equals(parts[1])) ? parts[2] : "unknown";
	}

	private static String detailFor(String service, HttpStatus status) {
		return (status == HttpStatus.GATEWAY_TIMEOUT) ? "The " + service + " service did not answer in time."
				: "No instance of the " + service + " service can take the request right now.";
	}

}
