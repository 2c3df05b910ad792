package com.blueprintshop.catalog.events;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.blueprintshop.catalog.system.CatalogProperties;

/** The relay runs on a schedule; its topic is partitioned by aggregate id (the record key). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventsConfiguration {

	@Bean
	NewTopic catalogChangedTopic(CatalogProperties properties) {
		CatalogProperties.Outbox outbox = properties.outbox();
		return TopicBuilder.name(outbox.topic()).partitions(outbox.partitions()).replicas(outbox.replicas()).build();
	}

}
