package com.blueprintshop.payment.payment.messaging;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.blueprintshop.defaults.messaging.MessagingProperties;
import com.blueprintshop.payment.payment.PaymentReplies;

/**
 * The topic payment publishes, partitioned by order id (the record key). {@code payment.commands}
 * and its dead-letter topic are created from the listener ({@code KafkaTopics}).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	@Bean
	NewTopic paymentRepliesTopic(MessagingProperties messaging) {
		return TopicBuilder.name(PaymentReplies.TOPIC)
			.partitions(messaging.topics().partitions())
			.replicas(messaging.topics().replicas())
			.build();
	}

}
