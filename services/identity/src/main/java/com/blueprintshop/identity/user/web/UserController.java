package com.blueprintshop.identity.user.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.blueprintshop.defaults.FieldErrors;
import com.blueprintshop.defaults.FieldErrors.FieldError;
import com.blueprintshop.identity.user.Accounts;
import com.blueprintshop.identity.user.DuplicateEmailException;
import com.blueprintshop.identity.user.PasswordPolicy;
import com.blueprintshop.identity.user.User;

/**
 * Registration (for the storefront, with its own client token) and the signed-in person's
 * profile. Input is validated here rather than with {@code @Valid}, so that one response names
 * every field that is wrong — the bean-validation rules and the password policy together.
 */
@RestController
class UserController {

	private static final List<String> FIELD_ORDER = List.of("email", "displayName", "password", "confirmPassword");

	private final Accounts accounts;

	private final Validator validator;

	UserController(Accounts accounts, Validator validator) {
		this.accounts = accounts;
		this.validator = validator;
	}

	@PostMapping("/users")
	ResponseEntity<UserProfile> register(@RequestBody RegistrationRequest body) {
		RegistrationRequest request = body.normalized();
		List<FieldError> errors = violations(request);
		PasswordPolicy.problems(request.password(), request.email())
			.forEach((problem) -> errors.add(new FieldError("password", problem)));
		if (request.password() != null && !request.password().isEmpty()
				&& !Objects.equals(request.password(), request.confirmPassword())) {
			errors.add(new FieldError("confirmPassword", "The passwords do not match"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		User user = this.accounts.registerCustomer(request.email(), request.displayName(), request.password());
		return ResponseEntity.created(URI.create("/users/" + user.id())).body(UserProfile.of(user));
	}

	@GetMapping("/me")
	UserProfile me(@AuthenticationPrincipal Jwt token) {
		return this.accounts.find(userId(token)).map(UserProfile::of).orElseThrow(UserController::accountGone);
	}

	@PutMapping("/me")
	UserProfile changeProfile(@AuthenticationPrincipal Jwt token, @RequestBody ProfileChange body) {
		ProfileChange change = body.normalized();
		List<FieldError> errors = violations(change);
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		return this.accounts.changeDisplayName(userId(token), change.displayName())
			.map(UserProfile::of)
			.orElseThrow(UserController::accountGone);
	}

	@ExceptionHandler
	ProblemDetail invalidFields(InvalidFieldsException ex) {
		return FieldErrors.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", ex.errors);
	}

	@ExceptionHandler
	ProblemDetail duplicateEmail(DuplicateEmailException ex) {
		return FieldErrors.problem(HttpStatus.CONFLICT, ex.getMessage(),
				List.of(new FieldError("email", ex.getMessage())));
	}

	private <T> List<FieldError> violations(T request) {
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<T> violation : this.validator.validate(request)) {
			errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		// the validator reports in no particular order; the form's order reads best
		errors.sort(Comparator.comparingInt((FieldError error) -> FIELD_ORDER.indexOf(error.field()))
			.thenComparing(FieldError::message));
		return errors;
	}

	// the API chain admits only tokens with a role, which only people's tokens have
	private static UUID userId(Jwt token) {
		try {
			return UUID.fromString(token.getSubject());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This token does not act for a person");
		}
	}

	private static ResponseStatusException accountGone() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "The account no longer exists");
	}

	static final class InvalidFieldsException extends RuntimeException {

		private final transient List<FieldError> errors;

		InvalidFieldsException(List<FieldError> errors) {
			super("Invalid fields: " + errors);
			this.errors = List.copyOf(errors);
		}

	}

}
