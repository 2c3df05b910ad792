package com.blueprintshop.inventory.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.blueprintshop.defaults.messaging.MessagingProperties;

/** The topics inventory publishes (those it reads are created by service-defaults' KafkaTopics). */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	@Bean
	NewTopic inventoryRepliesTopic(MessagingProperties messaging) {
		return topic(Topics.REPLIES, messaging);
	}

	@Bean
	NewTopic stockChangedTopic(MessagingProperties messaging) {
		return topic(Topics.STOCK_CHANGED, messaging);
	}

	private static NewTopic topic(String name, MessagingProperties messaging) {
		return TopicBuilder.name(name)
			.partitions(messaging.topics().partitions())
			.replicas(messaging.topics().replicas())
			.build();
	}

}
