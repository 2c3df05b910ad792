package com.blueprintshop.defaults.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Subscribes a listener to one Redis channel without making Redis a start-up dependency: a
 * listener container that cannot subscribe fails its start, so each attempt gets a new
 * container, retried every second in the background until one is subscribed. From then on the
 * container's own recovery resubscribes after an outage; a listener that is also a
 * {@link org.springframework.data.redis.connection.SubscriptionListener} hears each
 * (re)subscription, which is when a cache should drop what it may have missed meanwhile.
 * Catalog's caches and inventory's availability hear their invalidations this way.
 */
public final class RedisSubscription implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final RedisConnectionFactory connections;

	private final MessageListener listener;

	private final String channel;

	private ScheduledExecutorService retries;

	private volatile RedisMessageListenerContainer container;

	private volatile boolean running;

	public RedisSubscription(RedisConnectionFactory connections, MessageListener listener, String channel) {
		this.connections = connections;
		this.listener = listener;
		this.channel = channel;
	}

	@Override
	public void start() {
		this.running = true;
		this.retries = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("redis-subscription").factory());
		this.retries.execute(this::subscribe);
	}

	private void subscribe() {
		if (!this.running || this.container != null) {
			return;
		}
		RedisMessageListenerContainer candidate = new RedisMessageListenerContainer();
		candidate.setConnectionFactory(this.connections);
		candidate.addMessageListener(this.listener, new ChannelTopic(this.channel));
		candidate.setRecoveryBackoff(new FixedBackOff(RETRY.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
		try {
			candidate.afterPropertiesSet();
			candidate.start();
			this.container = candidate;
		}
		catch (RuntimeException ex) {
			log.debug("Cannot subscribe to {} yet ({}); retrying", this.channel, ex.getMessage());
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
