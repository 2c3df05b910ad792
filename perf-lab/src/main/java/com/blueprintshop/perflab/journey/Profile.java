package com.blueprintshop.perflab.journey;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a run's users do: one journey, or the mix of all four. */
public enum Profile {

	BROWSE, BUY, ACCOUNT, STAFF, MIX;

	/**
	 * The mix: browse-heavy, as a shop's traffic is. Percent of arriving users per journey; the
	 * report's meta states it through {@link #describeMix()}.
	 */
	public static final Map<Profile, Integer> MIX_WEIGHTS = mixWeights();

	private static Map<Profile, Integer> mixWeights() {
		Map<Profile, Integer> weights = new LinkedHashMap<>();
		weights.put(BROWSE, 70);
		weights.put(BUY, 15);
		weights.put(ACCOUNT, 10);
		weights.put(STAFF, 5);
		return java.util.Collections.unmodifiableMap(weights);
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Profile of(String label) {
		for (Profile profile : values()) {
			if (profile.label().equals(label)) {
				return profile;
			}
		}
		throw new IllegalArgumentException(
				"unknown profile '" + label + "': one of browse, buy, account, staff, mix");
	}

	/** The share of arriving users that sign in as shoppers (buy and account journeys). */
	public double shopperShare() {
		return switch (this) {
			case BUY, ACCOUNT -> 1.0;
			case MIX -> (MIX_WEIGHTS.get(BUY) + MIX_WEIGHTS.get(ACCOUNT)) / 100.0;
			default -> 0.0;
		};
	}

	public boolean needsShoppers() {
		return shopperShare() > 0;
	}

	public boolean needsStaff() {
		return this == STAFF || this == MIX;
	}

	/** e.g. {@code browse 70 %, buy 15 %, account 10 %, staff 5 %} */
	public static String describeMix() {
		StringBuilder text = new StringBuilder();
		MIX_WEIGHTS.forEach((p, w) -> text.append(text.isEmpty() ? "" : ", ").append(p.label()).append(' ').append(w)
			.append(" %"));
		return text.toString();
	}

}
