package com.blueprintshop.identity.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

	/** The time every rule reads, so tests move it instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
