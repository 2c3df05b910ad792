package com.blueprintshop.catalog.cache;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Subscribes {@link Caches} to the invalidation channel without making Redis a start-up
 * dependency: a listener container that cannot subscribe fails its start, so each attempt gets a
 * new container, retried every second in the background until one is subscribed. From then on
 * the container's own recovery resubscribes after an outage ({@link Caches#onChannelSubscribed}
 * clears the near caches each time).
 */
final class InvalidationSubscriber implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InvalidationSubscriber.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final RedisConnectionFactory connections;

	private final Caches caches;

	private ScheduledExecutorService retries;

	private volatile RedisMessageListenerContainer container;

	private volatile boolean running;

	InvalidationSubscriber(RedisConnectionFactory connections, Caches caches) {
		this.connections = connections;
		this.caches = caches;
	}

	@Override
	public void start() {
		this.running = true;
		this.retries = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cache-subscriber").factory());
		this.retries.execute(this::subscribe);
	}

	private void subscribe() {
		if (!this.running || this.container != null) {
			return;
		}
		RedisMessageListenerContainer candidate = new RedisMessageListenerContainer();
		candidate.setConnectionFactory(this.connections);
		candidate.addMessageListener(this.caches, new ChannelTopic(this.caches.channel()));
		candidate.setRecoveryBackoff(new FixedBackOff(RETRY.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
		try {
			candidate.afterPropertiesSet();
			candidate.start();
			this.container = candidate;
		}
		catch (RuntimeException ex) {
			log.debug("Cannot subscribe to cache invalidations yet ({}); retrying", ex.getMessage());
			destroy(candidate);
			this.retries.schedule(this::subscribe, RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
		RedisMessageListenerContainer current = this.container;
		this.container = null;
		if (current != null) {
			destroy(current);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void destroy(RedisMessageListenerContainer container) {
		try {
			container.destroy();
		}
		catch (Exception ex) {
			log.debug("Closing a listener container failed", ex);
		}
	}

}
