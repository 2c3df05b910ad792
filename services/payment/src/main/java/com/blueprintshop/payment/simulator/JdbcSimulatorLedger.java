package com.blueprintshop.payment.simulator;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.payment.provider.Authorization;
import com.blueprintshop.payment.provider.CardBrand;
import com.blueprintshop.payment.provider.VoidOutcome;
import com.blueprintshop.payment.system.Money;

/**
 * The simulator's memory in its own {@code simulated_provider_*} tables. Each operation is a
 * transaction of its own (never the caller's: the far side shares nothing with the payment
 * service), serialised per authorization reference by an advisory lock, so an authorization and
 * a cancel for the same reference, or two of either, never interleave.
 */
class JdbcSimulatorLedger implements SimulatorLedger {

	/** Namespace of the simulator's advisory locks ("simp"), apart from the outbox relay's one-key lock. */
	private static final int LOCK_SPACE = 0x73696d70;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	JdbcSimulatorLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Authorization authorizeOnce(String key, Money amount, Supplier<Authorization> decide) {
		return this.transactions.execute((status) -> {
			lock(key);
			Optional<Authorization> recorded = authorization(key);
			if (recorded.isPresent()) {
				return recorded.get();
			}
			Authorization answer = cancelledBefore(key) ? new Authorization.Declined(CANCELLED) : decide.get();
			String code = (answer instanceof Authorization.Approved approved) ? approved.authorizationCode() : null;
			String reason = (answer instanceof Authorization.Declined declined) ? declined.reason() : null;
			this.jdbc.sql("""
					insert into simulated_provider_authorization
					    (idempotency_key, amount, currency, approved, authorization_code, decline_reason)
					values (:key, :amount, :currency, :approved, :code, :reason)
					""")
				.param("key", key)
				.param("amount", amount.amount())
				.param("currency", amount.currency())
				.param("approved", code != null)
				.param("code", code)
				.param("reason", reason)
				.update();
			return answer;
		});
	}

	@Override
	public VoidOutcome voidOnce(String voidKey, String authorizeKey) {
		return this.transactions.execute((status) -> {
			lock(authorizeKey);
			Optional<Boolean> recorded = this.jdbc
				.sql("select voided from simulated_provider_void where idempotency_key = :key")
				.param("key", voidKey)
				.query(Boolean.class)
				.optional();
			if (recorded.isPresent()) {
				return recorded.get() ? VoidOutcome.VOIDED : VoidOutcome.NOTHING_TO_VOID;
			}
			boolean voided = this.jdbc.sql("""
					update simulated_provider_authorization set voided_at = now()
					where idempotency_key = :key and approved and voided_at is null
					""").param("key", authorizeKey).update() == 1;
			this.jdbc.sql("""
					insert into simulated_provider_void (idempotency_key, authorize_key, voided)
					values (:key, :authorizeKey, :voided)
					""")
				.param("key", voidKey)
				.param("authorizeKey", authorizeKey)
				.param("voided", voided)
				.update();
			return voided ? VoidOutcome.VOIDED : VoidOutcome.NOTHING_TO_VOID;
		});
	}

	@Override
	public void rememberCard(String token, CardBrand brand) {
		this.transactions.executeWithoutResult((status) -> this.jdbc
			.sql("insert into simulated_provider_card (token, brand) values (:token, :brand)")
			.param("token", token)
			.param("brand", brand.name())
			.update());
	}

	@Override
	public boolean knowsCard(String token) {
		return this.jdbc.sql("select exists (select 1 from simulated_provider_card where token = :token)")
			.param("token", token)
			.query(Boolean.class)
			.single();
	}

	private Optional<Authorization> authorization(String key) {
		return this.jdbc.sql("""
				select approved, authorization_code, decline_reason
				from simulated_provider_authorization where idempotency_key = :key
				""")
			.param("key", key)
			.query((rs, n) -> rs.getBoolean("approved")
					? (Authorization) new Authorization.Approved(rs.getString("authorization_code"))
					: new Authorization.Declined(rs.getString("decline_reason")))
			.optional();
	}

	private boolean cancelledBefore(String key) {
		return this.jdbc.sql("select exists (select 1 from simulated_provider_void where authorize_key = :key)")
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	private void lock(String key) {
		this.jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:key))")
			.param("space", LOCK_SPACE)
			.param("key", key)
			.query((rs, n) -> 1)
			.list();
	}

}
