package com.blueprintshop.notification.deadletter.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.blueprintshop.defaults.messaging.MessagingProperties;

/**
 * The dead-letter listener's container: Boot's settings, but not the shared error handler. That
 * one would park a record this listener fails to store on {@code order.events.dlt.dlt} — which
 * nobody reads, so the dead letter would be as good as lost — and does so after a few retries,
 * while the only thing that makes storing fail is the database being away. This handler instead
 * retries in place with the shared backoff (doubling up to {@code shop.messaging.consumer.max-backoff})
 * for as long as it takes, logging and counting each failure
 * ({@code shop.dead-letters.store.failures}); the dead-letter partition waits meanwhile, and
 * nothing is parked from it. (KafkaTopics still creates {@code order.events.dlt.dlt}, as it does
 * for every topic a listener reads; it stays empty.)
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterListenerConfiguration {

	static final String FACTORY = "deadLetterListenerContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterListenerConfiguration.class);

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			MessagingProperties messaging, MeterRegistry meters) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		Counter failures = Counter.builder("shop.dead-letters.store.failures")
			.description("attempts to store a dead letter that failed (each is retried)")
			.register(meters);
		factory.setCommonErrorHandler(retryForever(messaging.consumer(), failures));
		return factory;
	}

	static DefaultErrorHandler retryForever(MessagingProperties.Consumer settings, Counter failures) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2);
		backOff.setMaxInterval(settings.maxBackoff().toMillis());
		// reached only for what no retry can fix (a listener that cannot even be invoked): say so loudly
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> log.error(
				"Dropping dead letter {}-{}@{}: it cannot be stored", record.topic(), record.partition(),
				record.offset(), ex), backOff);
		handler.setRetryListeners((record, ex, attempt) -> {
			failures.increment();
			log.warn("Cannot store dead letter {}-{}@{} yet (attempt {}), trying again: {}", record.topic(),
					record.partition(), record.offset(), attempt, NestedExceptionUtils.getMostSpecificCause(ex).toString());
		});
		// each failure is logged once above, not with a stack trace per attempt
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

}
