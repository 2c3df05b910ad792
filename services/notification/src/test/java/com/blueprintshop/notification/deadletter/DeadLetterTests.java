package com.blueprintshop.notification.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

class DeadLetterTests {

	@Test
	void namesTheCauseAndItsMessageWithoutTheListenersWrapper() {
		DeadLetter letter = letter("org.springframework.kafka.listener.ListenerExecutionFailedException",
				"org.springframework.mail.MailSendException",
				"Listener method 'void x.Listener.on(ConsumerRecord)' threw exception; Mail server connection failed");
		assertThat(letter.error())
			.isEqualTo("org.springframework.mail.MailSendException: Mail server connection failed");
	}

	@Test
	void makesDoWithWhateverHeadersTheDeadLetterHad() {
		assertThat(letter("java.lang.IllegalStateException", null, "broken").error())
			.isEqualTo("java.lang.IllegalStateException: broken");
		assertThat(letter("java.lang.IllegalStateException", null, null).error())
			.isEqualTo("java.lang.IllegalStateException");
		assertThat(letter(null, null, null).error()).isNull();
	}

	@Test
	void describesAFailedReplayByItsExceptionAndTheCausesThatAddSomething() {
		RuntimeException failure = new MailSendException("Mail server connection failed",
				new IllegalStateException("Connection refused"));
		assertThat(DeadLetterReplay.describe(failure))
			.isEqualTo("MailSendException: Mail server connection failed <- IllegalStateException: Connection refused");
		RuntimeException repeating = new IllegalArgumentException("Bad input: the details",
				new IllegalStateException("the details"));
		assertThat(DeadLetterReplay.describe(repeating)).isEqualTo("IllegalArgumentException: Bad input: the details");
	}

	private static DeadLetter letter(String errorClass, String causeClass, String message) {
		return new DeadLetter(1, "order.events", 0, 7, "key", UUID.randomUUID(), "OrderConfirmed", "{}", errorClass,
				causeClass, message, Instant.EPOCH, null, null);
	}

}
