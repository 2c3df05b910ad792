package com.blueprintshop.storefront.system;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class RolesFromIdTokenTests {

	@Test
	void turnsTheRolesClaimIntoRoleAuthorities() {
		OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "ada", "roles", List.of("CUSTOMER", "ADMIN")));

		Collection<? extends GrantedAuthority> mapped = new RolesFromIdToken()
			.mapAuthorities(List.of(new OidcUserAuthority(token)));

		assertThat(mapped).extracting(GrantedAuthority::getAuthority)
			.contains("OIDC_USER", "ROLE_CUSTOMER", "ROLE_ADMIN");
	}

	@Test
	void grantsNoRoleWithoutTheClaim() {
		OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "ada"));

		assertThat(new RolesFromIdToken().mapAuthorities(List.of(new OidcUserAuthority(token))))
			.extracting(GrantedAuthority::getAuthority)
			.noneMatch((authority) -> authority.startsWith("ROLE_"));
	}

}
