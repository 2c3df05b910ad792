package com.blueprintshop.catalog.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.catalog.system.CatalogProperties;

/**
 * Publishes outbox rows to Kafka and stamps them sent, a batch per run. Rows are claimed with
 * {@code for update skip locked}, so several instances relay side by side without sending a row
 * twice at the same time; a row whose send was not acknowledged stays unsent and goes out on a
 * later run (at least once: consumers deduplicate by {@code eventId} or compare versions).
 * While Kafka is unreachable the service keeps serving and the rows wait.
 */
@Component
class OutboxRelay implements SchedulingConfigurer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration KEEP_SENT = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaAdmin admin;

	private final NewTopic topic;

	private final CatalogProperties.Outbox settings;

	private final Clock clock;

	private volatile boolean topicReady;

	private Instant nextTopicAttempt = Instant.MIN;

	private Instant nextCleanup = Instant.MIN;

	private boolean failing;

	private volatile Admin topicAdmin;

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, String> kafka,
			KafkaAdmin admin, NewTopic catalogChangedTopic, CatalogProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.admin = admin;
		this.topic = catalogChangedTopic;
		this.settings = properties.outbox();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::relay, this.settings.interval());
	}

	@Override
	public void destroy() {
		Admin client = this.topicAdmin;
		if (client != null) {
			client.close(Duration.ofSeconds(1));
		}
	}

	/** One run: make sure the topic exists, then send what is waiting. Never throws. */
	void relay() {
		try {
			if (ensureTopic()) {
				int sent;
				do {
					sent = sendBatch();
				}
				while (sent == this.settings.batchSize());
				cleanUp();
			}
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	/**
	 * Created here rather than at start-up, so that the service starts and serves reads while
	 * the broker is down; Kafka's own auto-creation would give the topic one partition.
	 */
	private boolean ensureTopic() {
		if (this.topicReady) {
			return true;
		}
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextTopicAttempt)) {
			return false;
		}
		this.nextTopicAttempt = now.plus(this.settings.topicRetry());
		if (this.topicAdmin == null) {
			// kept between attempts: it reconnects on its own, and a new client per attempt would
			// log its whole configuration every few seconds while the broker is down
			this.topicAdmin = Admin.create(this.admin.getConfigurationProperties());
		}
		try {
			this.topicAdmin.createTopics(List.of(this.topic))
				.all()
				.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			log.info("Created Kafka topic {}", this.topic.name());
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				failed(ex.getCause());
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (TimeoutException ex) {
			failed(ex);
			return false;
		}
		this.topicAdmin.close(Duration.ofSeconds(1));
		this.topicAdmin = null;
		this.topicReady = true;
		recovered();
		return true;
	}

	private int sendBatch() {
		Integer sent = this.transactions.execute((status) -> {
			List<Row> rows = this.jdbc.sql("""
					select id, aggregate_id, payload::text as payload from outbox
					where sent_at is null order by id limit :limit for update skip locked
					""")
				.param("limit", this.settings.batchSize())
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("aggregate_id", UUID.class),
						rs.getString("payload")))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<Long> acknowledged = send(rows);
			if (!acknowledged.isEmpty()) {
				this.jdbc.sql("update outbox set sent_at = now() where id in (:ids)").param("ids", acknowledged).update();
			}
			if (acknowledged.size() == rows.size()) {
				recovered();
			}
			return acknowledged.size();
		});
		return (sent != null) ? sent : 0;
	}

	/** The ids acknowledged by the broker, in outbox order and without a gap. */
	private List<Long> send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, String>>> pending = new ArrayList<>();
		for (Row row : rows) {
			CompletableFuture<SendResult<String, String>> sent;
			try {
				sent = this.kafka.send(this.topic.name(), row.aggregateId().toString(), row.payload());
			}
			catch (RuntimeException ex) {
				// the broker is unreachable (metadata timed out): the rest would wait just as long
				failed(ex);
				break;
			}
			pending.add(sent);
			if (sent.isCompletedExceptionally()) {
				break;
			}
		}
		long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
		List<Long> acknowledged = new ArrayList<>();
		for (int i = 0; i < pending.size(); i++) {
			try {
				pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(rows.get(i).id());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				failed(ex);
				break;
			}
		}
		return acknowledged;
	}

	private void cleanUp() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = now.plus(Duration.ofHours(1));
		int deleted = this.jdbc.sql("delete from outbox where sent_at < :before")
			.param("before", Timestamp.from(now.minus(KEEP_SENT)))
			.update();
		if (deleted > 0) {
			log.info("Deleted {} outbox rows sent more than {} days ago", deleted, KEEP_SENT.toDays());
		}
	}

	private void failed(Throwable ex) {
		if (!this.failing) {
			this.failing = true;
			log.warn("Cannot publish catalog changes to Kafka yet; they wait in the outbox and are retried: {}",
					ex.toString());
		}
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			log.info("Publishing catalog changes to Kafka again");
		}
	}

	private record Row(long id, UUID aggregateId, String payload) {
	}

}
