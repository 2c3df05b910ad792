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
					+ "with /api/inventory.")
			.version("1"));
	}

	/** Shoppers read availability anonymously; warehouse staff (and admins) count and upload stock. */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((a) -> a.requestMatchers("/admin/stock", "/admin/stock/**")
				.hasAnyRole("WAREHOUSE", "ADMIN")
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.build();
	}

}
