package com.blueprintshop.storefront.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import com.blueprintshop.storefront.system.CurrentUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesTests {

	final Profiles profiles = new Profiles(null, new CurrentUser(), JsonMapper.builder().build(), Clock.systemUTC());

	@Test
	void keepsAtMostTheStatedBoundWhateverIdentitySends() {
		// every character one JSON escapes as six, every field far over its maximum
		String escaped = "\u0001".repeat(10_000);
		UserProfile huge = new UserProfile(escaped, escaped, Collections.nCopies(1_000, escaped), Instant.now());

		Profiles.Cached cached = Profiles.Cached.of(escaped, huge, Instant.now());
		String stored = this.profiles.encode(cached);

		assertThat(stored.length()).isLessThanOrEqualTo(Profiles.MAX_STORED);
		assertThat(Profiles.MAX_STORED).as("the bound stated in Profiles").isLessThan(8 * 1024);
		assertThat(cached.displayName()).hasSize(Profiles.Cached.MAX_DISPLAY_NAME);
		assertThat(cached.email()).hasSize(Profiles.Cached.MAX_EMAIL);
		assertThat(cached.subject()).hasSize(Profiles.Cached.MAX_SUBJECT);
		assertThat(cached.roles()).hasSize(Profiles.Cached.MAX_ROLES)
			.allSatisfy((role) -> assertThat(role).hasSize(Profiles.Cached.MAX_ROLE));
	}

	@Test
	void keepsAnOrdinaryProfileAsItIs() {
		UserProfile ada = new UserProfile("ada@example.com", "Ada Lovelace", List.of("CUSTOMER", "ADMIN"),
				Instant.parse("2026-01-15T09:30:00Z"));

		UserProfile kept = Profiles.Cached.of("ada", ada, Instant.now()).toProfile();

		assertThat(kept).isEqualTo(ada);
	}

	@Test
	void neverCutsACharacterInHalf() {
		String name = "a".repeat(Profiles.Cached.MAX_DISPLAY_NAME - 1) + "😀";

		String cut = new Profiles.Cached("s", name, null, null, null, Instant.now()).displayName();

		assertThat(cut).hasSize(Profiles.Cached.MAX_DISPLAY_NAME - 1).doesNotContain("\uD83D");
	}

}
