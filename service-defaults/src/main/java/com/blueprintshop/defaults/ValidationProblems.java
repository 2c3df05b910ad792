package com.blueprintshop.defaults;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.blueprintshop.defaults.FieldErrors.FieldError;

/**
 * Bean-validation and binding failures as 400 problems that name each field, ahead of Boot's
 * generic handler (whose problem says only "Invalid request content").
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValidationProblems {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return FieldErrors.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String field = result.getMethodParameter().getParameterName();
			for (var error : result.getResolvableErrors()) {
				String message = (error instanceof DefaultMessageSourceResolvable resolvable)
						? resolvable.getDefaultMessage() : error.getDefaultMessage();
				errors.add(new FieldError(String.valueOf(field), String.valueOf(message)));
			}
		}
		return FieldErrors.problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail wrongType(MethodArgumentTypeMismatchException ex) {
		return FieldErrors.invalid(ex.getName(), "'" + abbreviate(String.valueOf(ex.getValue())) + "' is not a valid "
				+ ex.getName() + ".");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException ex) {
		return FieldErrors.invalid(ex.getParameterName(), "is required");
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
