package com.blueprintshop.defaults.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends {@link Outbox} rows to Kafka in the order they were written and stamps them sent.
 *
 * <p>One relay at a time: a run holds a transaction-level advisory lock, so with several
 * instances of a service exactly one of them sends at any moment, and rows leave in {@code id}
 * order — an aggregate's messages never overtake each other. The producer is idempotent with
 * {@code acks=all}; a row counts as sent only once the broker acknowledged it, and only the
 * acknowledged prefix of a batch is stamped, so a failure means a later run sends the rest
 * again: a consumer may see a message twice (its inbox absorbs the repeat), never a gap. A
 * process killed after sending and before committing the stamps sends those rows again when it
 * is back, for the same reason.
 *
 * <p>While Kafka is away the rows wait and the service keeps accepting changes; the relay runs
 * on its own thread, woken by each commit that wrote a row, and at least every
 * {@code shop.messaging.outbox.interval}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** The advisory lock that makes one instance the relay (per database, so per service). */
	static final long LOCK_KEY = 0x6f7574626f78L;

	private static final Duration COUNT_EVERY = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaTopics topics;

	private final MessagingProperties.Outbox settings;

	private final Clock clock;

	private final Semaphore wake = new Semaphore(0);

	private final Counter sent;

	private final Timer delay;

	private final AtomicLong pending = new AtomicLong();

	private volatile boolean started;

	private final ReentrantLock running = new ReentrantLock();

	private volatile boolean paused;

	private volatile Thread thread;

	private volatile String lastFailure;

	private Instant nextCount = Instant.MIN;

	private Instant nextCleanup = Instant.MIN;

	private boolean failing;

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, String> kafka,
			KafkaTopics topics, MessagingProperties properties, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.topics = topics;
		this.settings = properties.outbox();
		this.clock = clock;
		this.sent = Counter.builder("shop.outbox.sent").description("outbox rows acknowledged by Kafka").register(meters);
		this.delay = Timer.builder("shop.outbox.delay")
			.description("from the commit that wrote a row to the broker's acknowledgement")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("shop.outbox.pending", this.pending, AtomicLong::get)
			.description("rows not yet sent (counted at most once a second)")
			.register(meters);
	}

	/** Asks for a run now: the commit of a transaction that wrote a row calls it. */
	public void wakeUp() {
		this.wake.release();
	}

	/**
	 * Stops sending (rows accumulate) until {@link #resume()}: for operators and failure drills.
	 * When it returns, no run is in progress: nothing written from now on leaves.
	 */
	public void pause() {
		this.paused = true;
		this.running.lock();
		this.running.unlock();
	}

	public void resume() {
		this.paused = false;
		wakeUp();
	}

	public boolean paused() {
		return this.paused;
	}

	/** Rows not yet acknowledged by the broker. */
	public long pending() {
		return this.jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
	}

	/** Why the last run could not send everything, or {@code null} when it could. */
	public String lastFailure() {
		return this.lastFailure;
	}

	@Override
	public void start() {
		this.started = true;
		this.thread = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
	}

	@Override
	public void stop() {
		this.started = false;
		Thread relay = this.thread;
		if (relay != null) {
			wakeUp();
			try {
				relay.join(this.settings.sendTimeout().toMillis() + 1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		// stopped before the producer and the data source (default phase 0 for those that have one)
		return Integer.MAX_VALUE - 1000;
	}

	private void loop() {
		while (this.started) {
			try {
				this.wake.tryAcquire(this.settings.interval().toMillis(), TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (this.started && this.topics.ready()) {
				relay();
			}
		}
	}

	/** One run: send batches until what is waiting is sent or a batch fails. Never throws. */
	void relay() {
		this.running.lock();
		try {
			int sentNow;
			do {
				sentNow = this.paused ? 0 : sendBatch();
			}
			while (sentNow == this.settings.batchSize() && this.started);
			housekeeping();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
		finally {
			this.running.unlock();
		}
	}

	private int sendBatch() {
		Integer count = this.transactions.execute((status) -> {
			Boolean relayHere = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
				.param("key", LOCK_KEY)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(relayHere)) {
				return 0;
			}
			List<Row> rows = this.jdbc.sql("""
					select id, topic, message_key, event_id, event_type, payload::text as payload, created_at
					from outbox where sent_at is null order by id limit :limit
					""")
				.param("limit", this.settings.batchSize())
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
						rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<Row> acknowledged = send(rows);
			if (!acknowledged.isEmpty()) {
				this.jdbc.sql("update outbox set sent_at = now() where id in (:ids)")
					.param("ids", acknowledged.stream().map(Row::id).toList())
					.update();
			}
			Instant now = this.clock.instant();
			for (Row row : acknowledged) {
				this.delay.record(Duration.between(row.createdAt(), now).abs());
			}
			this.sent.increment(acknowledged.size());
			if (acknowledged.size() == rows.size()) {
				recovered();
			}
			return acknowledged.size();
		});
		return (count != null) ? count : 0;
	}

	/** The rows the broker acknowledged: a prefix of {@code rows}, in order, without a gap. */
	private List<Row> send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, String>>> pendingSends = new ArrayList<>();
		for (Row row : rows) {
			ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
			record.headers().add("event-id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
			record.headers().add("event-type", row.type().getBytes(StandardCharsets.UTF_8));
			CompletableFuture<SendResult<String, String>> sending;
			try {
				sending = this.kafka.send(record);
			}
			catch (RuntimeException ex) {
				// metadata timed out: the broker is unreachable, the rest would wait just as long
				failed(ex);
				break;
			}
			pendingSends.add(sending);
			if (sending.isCompletedExceptionally()) {
				break;
			}
		}
		long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
		List<Row> acknowledged = new ArrayList<>();
		for (int i = 0; i < pendingSends.size(); i++) {
			try {
				pendingSends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(rows.get(i));
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

	private void housekeeping() {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.nextCount)) {
			this.nextCount = now.plus(COUNT_EVERY);
			this.pending.set(pending());
		}
		if (!now.isBefore(this.nextCleanup)) {
			this.nextCleanup = now.plus(Duration.ofHours(1));
			int deleted = this.jdbc.sql("delete from outbox where sent_at < :before")
				.param("before", Timestamp.from(now.minus(this.settings.keepSent())))
				.update();
			if (deleted > 0) {
				log.info("Deleted {} outbox rows sent more than {} ago", deleted, this.settings.keepSent());
			}
		}
	}

	private void failed(Throwable ex) {
		this.lastFailure = ex.toString();
		if (!this.failing) {
			this.failing = true;
			log.warn("Cannot publish to Kafka yet; messages wait in the outbox and are sent again: {}", ex.toString());
		}
	}

	private void recovered() {
		this.lastFailure = null;
		if (this.failing) {
			this.failing = false;
			log.info("Publishing to Kafka again");
		}
	}

	private record Row(long id, String topic, String key, UUID eventId, String type, String payload,
			Instant createdAt) {
	}

}
