package com.blueprintshop.inventory.stock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.blueprintshop.defaults.redis.RedisSubscription;

/** Every instance hears the others' availability changes, once Redis answers. */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

	@Bean
	@ConditionalOnProperty(name = "shop.inventory.availability-cache.enabled", havingValue = "true", matchIfMissing = true)
	RedisSubscription availabilityInvalidations(RedisConnectionFactory connections, Availability availability) {
		return new RedisSubscription(connections, availability, Availability.CHANNEL);
	}

}
