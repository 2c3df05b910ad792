package com.blueprintshop.identity.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: long enough to resist guessing, not one of the passwords
 * attackers try first, and not derived from the account's own e-mail address.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	// the local part must be this long before containing it counts: "jo@…" must not ban every "jo"
	private static final int MIN_LOCAL_PART_LENGTH = 3;

	/**
	 * Passwords that meet the length and character rules yet top the breached-password lists;
	 * a small list on purpose, since the rules above already reject the shorter favourites.
	 */
	private static final Set<String> COMMON = Set.of("password1234", "password123", "passw0rd123", "p@ssw0rd123",
			"password12345", "qwerty12345", "qwerty123456", "qwertyuiop1", "qwertyuiop123", "1q2w3e4r5t",
			"1q2w3e4r5t6y", "q1w2e3r4t5", "q1w2e3r4t5y6", "1qaz2wsx3edc", "zaq12wsxcde", "a1b2c3d4e5", "abc1234567",
			"abcd123456", "abcd1234567", "a123456789", "123456789a", "1234567890a", "1234qwerasdf", "iloveyou123",
			"welcome123", "welcome1234", "letmein123", "admin12345", "admin123456", "administrator1", "changeme123",
			"trustno1234", "football123", "baseball123", "monkey12345", "dragon12345", "sunshine123", "princess123",
			"superman123", "batman12345", "starwars123", "master12345", "blueprint123", "blueprintshop1",
			"shopping123");

	private PasswordPolicy() {
	}

	/**
	 * Why the password is not acceptable for the account with this e-mail address.
	 * @param password the proposed password
	 * @param email the account's e-mail address, or {@code null} if unknown
	 * @return one message per broken rule, empty if the password is acceptable
	 */
	public static List<String> problems(String password, String email) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("Enter a password");
			return problems;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			problems.add("Use at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			problems.add("Use at most " + MAX_LENGTH + " characters");
		}
		if (password.codePoints().noneMatch(Character::isLetter)) {
			problems.add("Include at least one letter");
		}
		if (password.codePoints().noneMatch(Character::isDigit)) {
			problems.add("Include at least one digit");
		}
		String lowerCase = password.toLowerCase(Locale.ROOT);
		String localPart = localPart(email);
		if (localPart != null && localPart.length() >= MIN_LOCAL_PART_LENGTH && lowerCase.contains(localPart)) {
			problems.add("Do not use your e-mail address in the password");
		}
		if (COMMON.contains(lowerCase)) {
			problems.add("This password is too common: choose another");
		}
		return problems;
	}

	private static String localPart(String email) {
		String normalized = EmailAddresses.normalize(email);
		if (normalized == null) {
			return null;
		}
		int at = normalized.lastIndexOf('@');
		return (at > 0) ? normalized.substring(0, at) : normalized;
	}

}
