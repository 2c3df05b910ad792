package com.blueprintshop.inventory.system;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.blueprintshop.defaults.security.ServiceSecurity;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
@EnableScheduling
class InventoryConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI inventoryApi() {
		return new OpenAPI().info(new Info().title("Blueprint Shop inventory")
			.description("Availability per SKU and warehouses (public); stock per warehouse and CSV stock uploads "
					+ "under /admin/stock (roles WAREHOUSE or ADMIN). Through the gateway every path is prefixed "
					+ "with /api/inventory. Paths under /internal (the saga's reservations over REST, for the "
					+ "synchronous checkout) serve other services only and are not reachable through the gateway.")
			.version("1"));
	}

	/**
	 * Shoppers read availability anonymously; warehouse staff (and admins) count and upload stock.
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
				.requestMatchers("/admin/stock", "/admin/stock/**")
				.hasAnyRole("WAREHOUSE", "ADMIN")
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.build();
	}

}
