package com.blueprintshop.notification.system;

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
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI notificationApi() {
		return new OpenAPI().info(new Info().title("Blueprint Shop notifications")
			.description("A signed-in shopper's in-app notifications; parked messages and their replay under "
					+ "/admin (role ADMIN). Through the gateway every path is prefixed with /api/notification.")
			.version("1"));
	}

	/** Every notification belongs to someone: nothing here is anonymous. */
	@Bean
	SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
		return security.resourceServer(http)
			.authorizeHttpRequests((a) -> a.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().authenticated())
			.build();
	}

}
