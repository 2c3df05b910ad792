package com.blueprintshop.storefront.system;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns what a call through the gateway can go wrong with into the few outcomes a page knows
 * how to show: not found, rejected input (with field errors), forbidden, unavailable.
 */
public final class GatewayCalls {

	private GatewayCalls() {
	}

	public static <T> T call(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientResponseException ex) {
			throw translate(ex);
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException("gateway unreachable: " + ex.getMostSpecificCause().getMessage(),
					ex);
		}
	}

	public static void run(Runnable call) {
		call(() -> {
			call.run();
			return null;
		});
	}

	private static GatewayException translate(RestClientResponseException ex) {
		int status = ex.getStatusCode().value();
		return switch (status) {
			case 404, 410 -> new NotFoundException(ex.getStatusText(), ex);
			case 400, 409, 413, 422 -> rejected(status, ex);
			case 403 -> new ForbiddenException(ex.getStatusText(), ex);
			// A 401 means the gateway did not accept the storefront's or the user's token even
			// though Spring Security refreshes tokens before they expire: nothing the user typed
			// can fix it, so it is treated like any other backend failure (one the checkout page
			// tells apart, to send the shopper through sign-in again without losing the cart).
			default -> new ServiceUnavailableException(status + " " + ex.getStatusText(), status, ex);
		};
	}

	private static RejectedInputException rejected(int status, RestClientResponseException ex) {
		Problem problem = readProblem(ex);
		String detail = (problem.detail() != null) ? problem.detail()
				: (problem.title() != null) ? problem.title() : ex.getStatusText();
		List<RejectedInputException.FieldProblem> errors = (problem.errors() != null) ? problem.errors() : List.of();
		return new RejectedInputException(status, problem.type(), detail, errors, ex);
	}

	private static Problem readProblem(RestClientResponseException ex) {
		try {
			Problem problem = ex.getResponseBodyAs(Problem.class);
			return (problem != null) ? problem : Problem.EMPTY;
		}
		catch (RuntimeException notAProblem) {
			return Problem.EMPTY;
		}
	}

	/** The fields of an RFC 9457 problem the storefront reads. */
	record Problem(String type, String title, String detail, List<RejectedInputException.FieldProblem> errors) {

		static final Problem EMPTY = new Problem(null, null, null, null);

	}

}
