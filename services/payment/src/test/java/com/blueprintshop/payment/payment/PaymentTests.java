package com.blueprintshop.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.blueprintshop.payment.system.Money;

class PaymentTests {

	private static final Instant NOW = Instant.parse("2030-06-15T10:00:00Z");

	private static final Instant LATER = NOW.plusSeconds(3);

	private final UUID orderId = UUID.randomUUID();

	private final Payment pending = Payment.pending(this.orderId, new Money(new BigDecimal("12.5"), "EUR"), "tok_abc",
			"4242", NOW);

	@Test
	void startsPendingUnderTheOrdersAuthorizeKey() {
		assertThat(this.pending.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.pending.idempotencyKey()).isEqualTo("authorize-" + this.orderId);
		assertThat(this.pending.amount().amount()).isEqualByComparingTo("12.50").hasToString("12.50");
		assertThat(this.pending.settled()).isFalse();
		assertThat(this.pending.needsVoiding()).isTrue();
	}

	@Test
	void recordsTheProvidersApprovalAndThenItsRelease() {
		Payment authorized = this.pending.authorized("A1B2C3", LATER);
		assertThat(authorized.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(authorized.authorizationCode()).isEqualTo("A1B2C3");
		assertThat(authorized.updatedAt()).isEqualTo(LATER);
		assertThat(authorized.createdAt()).isEqualTo(NOW);
		Payment voided = authorized.voided(LATER.plusSeconds(1));
		assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(voided.authorizationCode()).as("kept, to trace the release").isEqualTo("A1B2C3");
		assertThat(voided.needsVoiding()).isFalse();
	}

	@Test
	void refusesToChangeAnAnswerOnceGiven() {
		Payment declined = this.pending.declined("insufficient funds", LATER);
		assertThat(declined.reason()).isEqualTo("insufficient funds");
		assertThatIllegalStateException().isThrownBy(() -> declined.authorized("A1B2C3", LATER));
		assertThatIllegalStateException().isThrownBy(() -> declined.voided(LATER));
		Payment authorized = this.pending.authorized("A1B2C3", LATER);
		assertThatIllegalStateException().isThrownBy(() -> authorized.declined("late", LATER));
		assertThatIllegalStateException().isThrownBy(() -> authorized.authorized("OTHER1", LATER));
	}

	@Test
	void aTombstoneIsVoidedFromTheStartWithNoAmountOrCard() {
		Payment tombstone = Payment.voidedBeforeAuthorization(this.orderId, NOW);
		assertThat(tombstone.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(tombstone.idempotencyKey()).isEqualTo(this.pending.idempotencyKey());
		assertThat(tombstone.amount()).isNull();
		assertThat(tombstone.cardToken()).isNull();
		assertThat(tombstone.reason()).isEqualTo(Payment.CANCELLED);
		assertThat(tombstone.settled()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> tombstone.authorized("A1B2C3", LATER));
	}

}
