package com.blueprintshop.defaults.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Creates the topics a service needs, then starts its listeners. The topics are the
 * {@link NewTopic} beans it declares (what it publishes), every topic its listeners read, and a
 * dead-letter topic for each of those. This runs on its own thread and tries again while the
 * broker is unreachable, so a service starts and serves its reads without Kafka; listeners are
 * started only once their topics exist (they are declared with auto-startup off), so none of
 * them polls a topic that is not there, and a topic is never auto-created by the broker with
 * whatever partition count the broker defaults to.
 */
public class KafkaTopics implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

	private final KafkaAdmin admin;

	private final ObjectProvider<NewTopic> declared;

	private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

	private final MessagingProperties.Topics settings;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean ready;

	private volatile Thread thread;

	KafkaTopics(KafkaAdmin admin, ObjectProvider<NewTopic> declared,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, MessagingProperties properties) {
		this.admin = admin;
		this.declared = declared;
		this.listeners = listeners;
		this.settings = properties.topics();
	}

	/** Whether every topic exists (and the listeners have been started). */
	public boolean ready() {
		return this.ready;
	}

	@Override
	public void start() {
		this.thread = Thread.ofPlatform().daemon().name("kafka-topics").start(this::createThenStartListeners);
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null && this.stopped.getCount() > 0;
	}

	@Override
	public int getPhase() {
		// after the listener registry (which leaves our containers stopped), before web serving ends
		return Integer.MAX_VALUE - 2000;
	}

	/** The topics this service creates, by name, in declaration order. */
	List<NewTopic> wanted() {
		Map<String, NewTopic> topics = new LinkedHashMap<>();
		this.declared.orderedStream().forEach((topic) -> topics.put(topic.name(), topic));
		for (String topic : listenedTopics()) {
			topics.putIfAbsent(topic, new NewTopic(topic, this.settings.partitions(), this.settings.replicas()));
			if (topic.endsWith(this.settings.deadLetterSuffix())) {
				// a listener of dead letters handles its own failures: nothing is parked further
				continue;
			}
			String deadLetters = this.settings.deadLetterTopic(topic);
			topics.putIfAbsent(deadLetters,
					new NewTopic(deadLetters, this.settings.partitions(), this.settings.replicas()));
		}
		return new ArrayList<>(topics.values());
	}

	private List<String> listenedTopics() {
		List<String> topics = new ArrayList<>();
		KafkaListenerEndpointRegistry registry = this.listeners.getIfAvailable();
		if (registry != null) {
			for (MessageListenerContainer container : registry.getAllListenerContainers()) {
				String[] names = container.getContainerProperties().getTopics();
				if (names != null) {
					topics.addAll(List.of(names));
				}
			}
		}
		return topics;
	}

	private void createThenStartListeners() {
		boolean warned = false;
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			List<NewTopic> topics = wanted();
			while (this.stopped.getCount() > 0) {
				try {
					create(client, topics);
					break;
				}
				catch (ExecutionException | TimeoutException ex) {
					if (!warned) {
						warned = true;
						log.warn("Cannot create Kafka topics yet, trying again every {} s: {}",
								this.settings.retry().toSeconds(), ex.toString());
					}
				}
				if (this.stopped.await(this.settings.retry().toMillis(), TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			if (this.stopped.getCount() == 0) {
				return;
			}
			log.info("Kafka topics ready: {}", topics.stream().map(NewTopic::name).toList());
			this.ready = true;
			startListeners();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void create(Admin client, List<NewTopic> topics)
			throws ExecutionException, TimeoutException, InterruptedException {
		if (topics.isEmpty()) {
			return;
		}
		Duration timeout = this.settings.retry();
		Map<String, KafkaFuture<Void>> results = client.createTopics(topics).values();
		for (KafkaFuture<Void> result : results.values()) {
			try {
				result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
		}
	}

	private void startListeners() {
		KafkaListenerEndpointRegistry registry = this.listeners.getIfAvailable();
		if (registry != null) {
			for (MessageListenerContainer container : registry.getAllListenerContainers()) {
				if (!container.isRunning()) {
					container.start();
				}
			}
		}
	}

}
