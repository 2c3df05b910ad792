package com.blueprintshop.order.system;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.blueprintshop.defaults.messaging.MessagingProperties;
import com.blueprintshop.defaults.security.ServiceSecurity;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
@EnableScheduling
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI orderApi() {
		return new OpenAPI().info(new Info().title("Blueprint Shop orders")
			.description("Checkout (202 Accepted, processed asynchronously by the checkout saga; with "
					+ "shop.order.checkout.mode=sync, the perf lab's ablation, 201 Created once the saga has ended), "
					+ "order status, history and cancellation for the signed-in shopper; shipping under /admin (WAREHOUSE or ADMIN). "
					+ "Through the gateway every path is prefixed with /api/order.")
			.version("1"));
	}

	/** Shoppers see and change only their own orders; staff ship them. */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((a) -> a.requestMatchers("/admin/**")
				.hasAnyRole("WAREHOUSE", "ADMIN")
				.requestMatchers("/orders", "/orders/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

	@Bean
	NewTopic orderEventsTopic(MessagingProperties messaging) {
		return topic(Topics.ORDER_EVENTS, messaging);
	}

	@Bean
	NewTopic inventoryCommandsTopic(MessagingProperties messaging) {
		return topic(Topics.INVENTORY_COMMANDS, messaging);
	}

	@Bean
	NewTopic paymentCommandsTopic(MessagingProperties messaging) {
		return topic(Topics.PAYMENT_COMMANDS, messaging);
	}

	private static NewTopic topic(String name, MessagingProperties messaging) {
		return TopicBuilder.name(name)
			.partitions(messaging.topics().partitions())
			.replicas(messaging.topics().replicas())
			.build();
	}

}
