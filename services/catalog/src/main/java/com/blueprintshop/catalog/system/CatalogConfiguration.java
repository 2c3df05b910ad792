package com.blueprintshop.catalog.system;

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
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI catalogApi() {
		return new OpenAPI().info(new Info().title("Blueprint Shop catalog")
			.description("Categories, products, search and images; staff changes under /admin (role ADMIN). "
					+ "Through the gateway every path is prefixed with /api/catalog.")
			.version("1"));
	}

	/** Shoppers browse anonymously; only staff change the catalog. */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((a) -> a.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll())
			.build();
	}

}
