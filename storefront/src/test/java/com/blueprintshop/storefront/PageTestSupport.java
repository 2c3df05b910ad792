package com.blueprintshop.storefront;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole storefront (security, controllers, templates, the gateway client and its load
 * balancer) rendering pages through MockMvc against a {@link GatewayStub}. No network beyond the
 * loopback stub, no Eureka, and no Redis: the session is the servlet container's, and Redis is
 * pointed at a port where nothing listens, so a signed-in shopper's cart is unavailable on these
 * pages (which they must survive). Tests of account carts use {@link RedisPageTestSupport}.
 */
@SpringBootTest(classes = { StorefrontApplication.class, PageTestSupport.Clocks.class },
		properties = { "eureka.client.enabled=false",
				"spring.autoconfigure.exclude=org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
				"spring.data.redis.url=redis://127.0.0.1:9", "shop.storefront.orders.min-poll-interval=20ms",
				"shop.storefront.identity.client-secret=test-secret" })
@AutoConfigureMockMvc
public abstract class PageTestSupport {

	protected static final GatewayStub gateway = GatewayStub.shared();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.gateway[0].uri", gateway::uri);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	private TestClock clock;

	@BeforeEach
	void freshGatewayAndCaches() {
		gateway.reset();
		// past every cache's lifetime: each test sees what its own stub answers
		this.clock.advance(Duration.ofHours(1));
	}

	/** Moves the storefront's clock on, past whatever it keeps for a while. */
	protected void advanceClock(Duration duration) {
		this.clock.advance(duration);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
