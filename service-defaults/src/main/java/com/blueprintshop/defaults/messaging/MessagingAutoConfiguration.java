package com.blueprintshop.defaults.messaging;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Messaging as every service does it: topics created by the service (never by the broker's
 * defaults), listeners that retry a failing message with backoff and then park it on
 * {@code <topic>.dlt}, an {@link Inbox} for idempotent handlers and, where
 * {@code shop.messaging.outbox.enabled=true}, a transactional {@link Outbox} with its relay.
 * Producer and consumer settings (acks=all, idempotence, manual offsets) are in
 * {@code service-defaults.properties}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

	@Bean
	KafkaTopics kafkaTopics(KafkaAdmin admin, ObjectProvider<NewTopic> topics,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, MessagingProperties properties) {
		return new KafkaTopics(admin, topics, listeners, properties);
	}

	/**
	 * Retries with exponential backoff, then the dead-letter topic (partition chosen by key). A
	 * message that cannot be read, or that its handler calls poison, is parked at once.
	 */
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, MessagingProperties properties) {
		MessagingProperties.Consumer consumer = properties.consumer();
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(properties.topics().deadLetterTopic(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.maxRetries());
		backOff.setInitialInterval(consumer.initialBackoff().toMillis());
		backOff.setMultiplier(2);
		backOff.setMaxInterval(consumer.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(PoisonMessageException.class, JacksonException.class);
		return handler;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JdbcClient.class)
	static class Tables {

		@Bean
		Inbox inbox(JdbcClient jdbc) {
			return new Inbox(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ JdbcClient.class, PlatformTransactionManager.class })
	@ConditionalOnProperty(name = "shop.messaging.outbox.enabled", havingValue = "true")
	static class TransactionalOutbox {

		@Bean
		Outbox outbox(JdbcClient jdbc, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
			return new Outbox(jdbc, json, relay);
		}

		@Bean
		OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
				KafkaTemplate<String, String> kafka, KafkaTopics topics, MessagingProperties properties,
				ObjectProvider<Clock> clock, MeterRegistry meters) {
			return new OutboxRelay(jdbc, transactionManager, kafka, topics, properties,
					clock.getIfAvailable(Clock::systemUTC), meters);
		}

		@Bean
		@ConditionalOnAvailableEndpoint
		OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
			return new OutboxEndpoint(relay);
		}

	}

}
