package com.blueprintshop.payment.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.blueprintshop.payment.system.PaymentProperties;

/**
 * The simulated provider and its settings. Its far-side work runs on virtual threads of its own
 * (not a shared executor bean, which would displace Boot's task executor); tokens, codes and
 * decisions come from a {@link SecureRandom}, since a token must not be guessable.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

	@Bean
	SimulatorSettingsStore simulatorSettings(JdbcClient jdbc, Clock clock, PaymentProperties properties) {
		return new SimulatorSettingsStore(jdbc, clock, properties.simulator().settingsRefresh());
	}

	@Bean
	@ConditionalOnMissingBean
	Waiting simulatorWaiting() {
		return Waiting.scheduled();
	}

	@Bean(destroyMethod = "close")
	SimulatedProvider simulatedProvider(SimulatorSettingsStore settings, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Waiting waiting) {
		return new SimulatedProvider(settings, new JdbcSimulatorLedger(jdbc, transactionManager), waiting,
				new SecureRandom(), Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("simulated-provider-", 0).factory()));
	}

}
