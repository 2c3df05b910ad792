package com.blueprintshop.payment.system;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.blueprintshop.defaults.security.ServiceSecurity;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI paymentApi() {
		return new OpenAPI().info(new Info().title("Blueprint Shop payment")
			.description("Card tokenization for signed-in shoppers; the simulated provider's settings and the "
					+ "recorded payments under /admin (role ADMIN). Authorizations and voids arrive as commands "
					+ "on Kafka (docs/messaging.md), or, for the synchronous checkout, from other services under "
					+ "/internal, which is not reachable through the gateway.")
			.version("1"));
	}

	/**
	 * Any signed-in user tokenizes a card ({@code POST /cards/tokens}); only staff see payments and
	 * steer the simulated provider. Nothing is anonymous beyond what ServiceSecurity opens (probes,
	 * {@code /about}, the OpenAPI document) and {@code /internal/**}.
	 *
	 * <p>{@code /internal/**} (the saga's commands over REST, for the synchronous checkout) is open
	 * like {@code /actuator/**}: the trust boundary is the network, not a token. Only other services
	 * on the private network reach a service's own port; every client comes in through the edge and
	 * the gateway, and the gateway refuses {@code /api/<service>/internal/**} to everyone. In
	 * Kubernetes a NetworkPolicy does the same job: only the gateway's and the other services' pods
	 * may reach this port, and of those only the services call {@code /internal}. A
	 * service-to-service token (client credentials) would be the next step where the network itself
	 * cannot be trusted.
	 */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((a) -> a.requestMatchers("/internal/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.build();
	}

}
