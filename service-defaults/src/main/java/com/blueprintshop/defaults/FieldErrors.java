package com.blueprintshop.defaults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The shape every service uses to name the fields a request got wrong: a problem with an
 * {@code errors} list of {@code {"field", "message"}}, which a page can show next to each field.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public record FieldError(String field, String message) {
	}

	public static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle((status == HttpStatus.CONFLICT) ? "Conflict" : "Invalid request");
		problem.setProperty("errors",
				errors.stream().map(FieldErrors::asMap).toList());
		return problem;
	}

	// field before message, so that the JSON reads naturally
	private static Map<String, String> asMap(FieldError error) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("field", error.field());
		map.put("message", error.message());
		return map;
	}

	public static ProblemDetail invalid(String field, String message) {
		return problem(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(field, message)));
	}

}
