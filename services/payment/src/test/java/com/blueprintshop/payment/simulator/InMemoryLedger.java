package com.blueprintshop.payment.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardBrand;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.system.Money;

/** The simulator's memory for unit tests, with the semantics of {@link JdbcSimulatorLedger}. */
class InMemoryLedger implements SimulatorLedger {

	final Map<String, Authorization> authorizations = new HashMap<>();

	final Set<String> voidedAuthorizations = new HashSet<>();

	final Map<String, VoidOutcome> voids = new HashMap<>();

	final Set<String> cancelledReferences = new HashSet<>();

	final Set<String> cards = new HashSet<>();

	@Override
	public synchronized Authorization authorizeOnce(String key, Money amount, Supplier<Authorization> decide) {
		return this.authorizations.computeIfAbsent(key,
				(k) -> this.cancelledReferences.contains(k) ? new Authorization.Declined(CANCELLED) : decide.get());
	}

	@Override
	public synchronized VoidOutcome voidOnce(String voidKey, String authorizeKey) {
		return this.voids.computeIfAbsent(voidKey, (k) -> {
			this.cancelledReferences.add(authorizeKey);
			boolean approved = this.authorizations.get(authorizeKey) instanceof Authorization.Approved;
			return (approved && this.voidedAuthorizations.add(authorizeKey)) ? VoidOutcome.VOIDED
					: VoidOutcome.NOTHING_TO_VOID;
		});
	}

	@Override
	public synchronized void rememberCard(String token, CardBrand brand) {
		this.cards.add(token);
	}

	@Override
	public synchronized boolean knowsCard(String token) {
		return this.cards.contains(token);
	}

}
