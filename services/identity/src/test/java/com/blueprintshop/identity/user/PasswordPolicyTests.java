package com.blueprintshop.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	@Test
	void acceptsALongPasswordWithLettersAndDigits() {
		assertThat(PasswordPolicy.problems("correct horse 42 battery", "ann@example.com")).isEmpty();
	}

	@Test
	void rejectsPasswordsShorterThanTenCharacters() {
		assertThat(PasswordPolicy.problems("abc12345x", "ann@example.com")).containsExactly("Use at least 10 characters");
		assertThat(PasswordPolicy.problems("abc12345xy", "ann@example.com")).isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// nine letters outside the basic plane are 18 UTF-16 units but still too short
		String nine = "\uD835\uDC00".repeat(8) + "1";
		assertThat(PasswordPolicy.problems(nine, null)).contains("Use at least 10 characters");
	}

	@Test
	void rejectsPasswordsLongerThan128Characters() {
		assertThat(PasswordPolicy.problems("a1".repeat(64), null)).isEmpty();
		assertThat(PasswordPolicy.problems("a1".repeat(64) + "b", null)).containsExactly("Use at most 128 characters");
	}

	@Test
	void requiresALetterAndADigit() {
		assertThat(PasswordPolicy.problems("12345678901", null)).containsExactly("Include at least one letter");
		assertThat(PasswordPolicy.problems("abcdefghijk", null)).containsExactly("Include at least one digit");
		assertThat(PasswordPolicy.problems("!!!!!!!!!!!!", null)).containsExactly("Include at least one letter",
				"Include at least one digit");
	}

	@Test
	void rejectsPasswordsContainingTheEmailLocalPartInAnyCase() {
		assertThat(PasswordPolicy.problems("xxMarianne2024", "marianne@example.com"))
			.containsExactly("Do not use your e-mail address in the password");
		assertThat(PasswordPolicy.problems("xxMarianne2024", " MARIANNE@Example.com "))
			.containsExactly("Do not use your e-mail address in the password");
	}

	@Test
	void ignoresVeryShortLocalParts() {
		assertThat(PasswordPolicy.problems("jolly good 2024", "jo@example.com")).isEmpty();
	}

	@Test
	void rejectsCommonPasswordsInAnyCase() {
		assertThat(PasswordPolicy.problems("Password123", "ann@example.com"))
			.containsExactly("This password is too common: choose another");
		assertThat(PasswordPolicy.problems("QWERTY123456", null))
			.containsExactly("This password is too common: choose another");
	}

	@Test
	void asksForAPasswordWhenThereIsNone() {
		assertThat(PasswordPolicy.problems(null, null)).containsExactly("Enter a password");
		assertThat(PasswordPolicy.problems("", null)).containsExactly("Enter a password");
	}

}
