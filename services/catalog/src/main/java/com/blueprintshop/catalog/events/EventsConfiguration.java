package com.blueprintshop.catalog.events;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.blueprintshop.defaults.messaging.MessagingProperties;

/** The topic catalog publishes, partitioned by aggregate id (the record key). */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	NewTopic catalogChangedTopic(MessagingProperties messaging) {
		return TopicBuilder.name(CatalogEvents.TOPIC)
			.partitions(messaging.topics().partitions())
			.replicas(messaging.topics().replicas())
			.build();
	}

}
