package com.blueprintshop.storefront.account;

import com.blueprintshop.storefront.GatewayStub;
import com.blueprintshop.storefront.PageTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignupPageTests extends PageTestSupport {

	@Test
	void showsAFormWithLabelledFieldsAndACsrfToken() throws Exception {
		String page = this.mvc.perform(get("/signup"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<form class=\"stacked\" method=\"post\" action=\"/signup\">")
			.contains("<input type=\"hidden\" name=\"_csrf\"")
			.contains("<label for=\"email\">E-mail</label>")
			.contains("<label for=\"displayName\">Display name</label>")
			.contains("<label for=\"password\">Password</label>")
			.contains("<label for=\"confirmPassword\">Repeat the password</label>");
	}

	@Test
	void createsTheAccountWithTheStorefrontsOwnTokenAndGoesOnToSignIn() throws Exception {
		gateway.json("POST", "/api/identity/users", 201, """
				{"id":"1b3e6d0c-7a7e-4b8e-9d1e-0d3c0c6b9a11","email":"ada@example.com","displayName":"Ada",
				 "roles":["CUSTOMER"],"createdAt":"2026-03-01T12:00:00Z"}
				""");

		this.mvc.perform(post("/signup").with(csrf())
			.param("email", "ada@example.com")
			.param("displayName", "Ada")
			.param("password", "correct horse 42")
			.param("confirmPassword", "correct horse 42"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/signin?registered"));

		GatewayStub.Recorded registration = gateway.last("POST", "/api/identity/users");
		assertThat(registration.header("Authorization")).isEqualTo("Bearer " + GatewayStub.SERVICE_TOKEN);
		assertThat(registration.bodyText()).contains("\"email\":\"ada@example.com\"")
			.contains("\"displayName\":\"Ada\"")
			.contains("\"password\":\"correct horse 42\"")
			.contains("\"confirmPassword\":\"correct horse 42\"");
	}

	@Test
	void showsIdentitysFieldErrorsNextToTheFieldsAndKeepsTheEmailButNotThePasswords() throws Exception {
		gateway.json("POST", "/api/identity/users", 400, """
				{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request content.",
				 "errors":[{"field":"password","message":"must contain at least one digit"},
				           {"field":"confirmPassword","message":"does not match the password"}]}
				""");

		String page = this.mvc.perform(post("/signup").with(csrf())
			.param("email", "ada@example.com")
			.param("displayName", "Ada")
			.param("password", "horsebattery")
			.param("confirmPassword", "horsebatteri"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("value=\"ada@example.com\"")
			.contains("value=\"Ada\"")
			.doesNotContain("horsebattery")
			.doesNotContain("horsebatteri");
		assertThat(page).containsSubsequence("<label for=\"password\">", "aria-invalid=\"true\"",
				"aria-describedby=\"password-hint password-error\"", "id=\"password\"",
				"<p class=\"field-error\" id=\"password-error\">must contain at least one digit</p>",
				"<label for=\"confirmPassword\">",
				"<p class=\"field-error\" id=\"confirmPassword-error\">does not match the password</p>");
	}

	@Test
	void showsThatTheEmailIsTakenNextToTheEmail() throws Exception {
		gateway.json("POST", "/api/identity/users", 409, """
				{"title":"Conflict","status":409,"detail":"An account with this e-mail already exists",
				 "errors":[{"field":"email","message":"An account with this e-mail already exists"}]}
				""");

		String page = this.mvc.perform(post("/signup").with(csrf())
			.param("email", "Ada@Example.com")
			.param("displayName", "Ada")
			.param("password", "correct horse 42")
			.param("confirmPassword", "correct horse 42"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsSubsequence("<label for=\"email\">", "value=\"Ada@Example.com\"",
				"<p class=\"field-error\" id=\"email-error\">An account with this e-mail already exists</p>",
				"<label for=\"displayName\">");
	}

	@Test
	void keepsTheFormWhenIdentityIsDown() throws Exception {
		gateway.json("POST", "/api/identity/users", 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");

		String page = this.mvc.perform(post("/signup").with(csrf())
			.param("email", "ada@example.com")
			.param("displayName", "Ada")
			.param("password", "correct horse 42")
			.param("confirmPassword", "correct horse 42"))
			.andExpect(status().isServiceUnavailable())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("We could not create your account just now.").contains("value=\"ada@example.com\"");
	}

	@Test
	void refusesAPostWithoutTheCsrfToken() throws Exception {
		this.mvc.perform(post("/signup")
			.param("email", "ada@example.com")
			.param("displayName", "Ada")
			.param("password", "correct horse 42")
			.param("confirmPassword", "correct horse 42"))
			.andExpect(status().isForbidden());

		assertThat(gateway.received("POST", "/api/identity/users")).isFalse();
	}

}
