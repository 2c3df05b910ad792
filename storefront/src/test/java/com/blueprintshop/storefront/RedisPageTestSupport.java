package com.blueprintshop.storefront;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Like {@link PageTestSupport}, but signed-in shoppers' carts are kept in the machine's Redis
 * (127.0.0.1:6379), as in production. Each test signs in as a subject of its own
 * ({@link #subject()}) and its carts are deleted afterwards. The session is still the servlet
 * container's: what a guest's cart does in a Redis-backed session is shown by tests on real
 * servers.
 */
@SpringBootTest(classes = { StorefrontApplication.class, PageTestSupport.Clocks.class },
		properties = { "eureka.client.enabled=false",
				"spring.autoconfigure.exclude=org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
				"spring.data.redis.url=redis://127.0.0.1:6379", "shop.storefront.orders.min-poll-interval=20ms",
				"shop.storefront.identity.client-secret=test-secret" })
@AutoConfigureMockMvc
public abstract class RedisPageTestSupport {

	public static final String CART_KEY_PREFIX = "blueprint:cart:";

	protected static final GatewayStub gateway = GatewayStub.shared();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.gateway[0].uri", gateway::uri);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected StringRedisTemplate redis;

	@Autowired
	private TestClock clock;

	private final List<String> subjects = new CopyOnWriteArrayList<>();

	@BeforeEach
	void freshGatewayAndCaches() {
		gateway.reset();
		this.clock.advance(Duration.ofHours(1));
	}

	@AfterEach
	void deleteTheTestsCarts() {
		this.redis.delete(this.subjects.stream().map((subject) -> CART_KEY_PREFIX + subject).toList());
	}

	/** A subject no other test (or earlier run) uses, whose cart is deleted after the test. */
	protected String subject() {
		String subject = "test-" + UUID.randomUUID();
		this.subjects.add(subject);
		return subject;
	}

	protected String storedCart(String subject) {
		return this.redis.opsForValue().get(CART_KEY_PREFIX + subject);
	}

}
