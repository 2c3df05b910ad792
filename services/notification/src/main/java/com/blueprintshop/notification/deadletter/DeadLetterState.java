package com.blueprintshop.notification.deadletter;

import java.util.Locale;
import java.util.Optional;

/** Which dead letters a list shows. */
public enum DeadLetterState {

	/** not yet replayed successfully */
	PARKED,

	/** replayed successfully */
	REPLAYED,

	ALL;

	public static Optional<DeadLetterState> of(String name) {
		for (DeadLetterState state : values()) {
			if (state.name().toLowerCase(Locale.ROOT).equals(name)) {
				return Optional.of(state);
			}
		}
		return Optional.empty();
	}

}
