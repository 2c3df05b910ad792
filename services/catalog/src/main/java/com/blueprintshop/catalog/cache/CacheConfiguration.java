package com.blueprintshop.catalog.cache;

import java.time.Clock;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.blueprintshop.defaults.redis.RedisSubscription;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CacheProperties.class, HttpCacheProperties.class })
class CacheConfiguration {

	@Bean
	Caches caches(CacheProperties properties, StringRedisTemplate redis, Clock clock, JsonMapper json,
			MeterRegistry meters, JdbcClient jdbc) {
		return new Caches(properties, redis, clock, json, meters, jdbc);
	}

	@Bean
	RedisSubscription cacheInvalidations(RedisConnectionFactory connections, Caches caches) {
		return new RedisSubscription(connections, caches, caches.channel());
	}

	/**
	 * While disconnected, Lettuce would queue commands until they time out; refused at once, a
	 * request goes on to the database without waiting.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
