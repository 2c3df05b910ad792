package com.blueprintshop.notification.deadletter.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

import com.blueprintshop.notification.deadletter.DeadLetter;
import com.blueprintshop.notification.deadletter.DeadLetters;
import com.blueprintshop.notification.deadletter.DeadLetters.Parked;
import com.blueprintshop.notification.order.OrderEventHandler;
import com.blueprintshop.notification.system.Texts;

/**
 * Stores what this service parked on {@code order.events.dlt} so that staff can list and replay
 * it. The topic is shared with every other consumer of {@code order.events} (the order service
 * parks its own failures there too), so only records parked by this service's consumer group
 * are kept. Whatever a record holds is stored — it is never refused as poison — and a failure to
 * store it (the database away) is retried without end by this listener's own error handler
 * (see {@link DeadLetterListenerConfiguration}): a dead letter is neither lost nor parked again.
 */
@Component
class DeadLetterListener {

	static final String TOPIC = OrderEventHandler.TOPIC + "${shop.messaging.topics.dead-letter-suffix:.dlt}";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

	private static final int MAX_TEXT = 2000;

	private final DeadLetters deadLetters;

	private final JsonMapper json;

	private final Clock clock;

	DeadLetterListener(DeadLetters deadLetters, JsonMapper json, Clock clock) {
		this.deadLetters = deadLetters;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(id = "order-events-dead-letters", idIsGroup = false, topics = TOPIC,
			containerFactory = DeadLetterListenerConfiguration.FACTORY)
	void onDeadLetter(ConsumerRecord<String, String> record) {
		String parkedBy = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		if (!Objects.equals(parkedBy, KafkaUtils.getConsumerGroupId())) {
			log.debug("Skipping dead letter {}-{}@{} parked by {}", record.topic(), record.partition(),
					record.offset(), parkedBy);
			return;
		}
		Parked parked = parked(record);
		if (this.deadLetters.park(parked)) {
			log.warn("Parked {} {} from {}-{}@{} (key {}): {}", parked.type(), parked.eventId(), parked.topic(),
					parked.partition(), parked.offset(), parked.key(),
					DeadLetter.error(parked.errorClass(), parked.errorCauseClass(), parked.errorMessage()));
		}
	}

	private Parked parked(ConsumerRecord<String, String> record) {
		// PostgreSQL refuses NUL in text; a value holding one is not valid JSON, so a replay
		// would refuse it either way
		String payload = (record.value() != null) ? record.value().replace('\u0000', '\uFFFD') : "";
		JsonNode body = body(payload);
		String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Integer partition = integer(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Long offset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		boolean original = originalTopic != null && partition != null && offset != null;
		String eventId = firstOf(text(record, "event-id"), field(body, "eventId"));
		String type = firstOf(text(record, "event-type"), field(body, "type"));
		return new Parked(original ? originalTopic : record.topic(), original ? partition : record.partition(),
				original ? offset : record.offset(), clean(record.key()), uuid(eventId), clean(type), payload,
				clean(text(record, KafkaHeaders.DLT_EXCEPTION_FQCN)),
				clean(text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)),
				clean(text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)), this.clock.instant());
	}

	private JsonNode body(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String field(JsonNode body, String name) {
		if (body == null || !body.isObject()) {
			return null;
		}
		JsonNode value = body.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static String firstOf(String first, String second) {
		return (first != null) ? first : second;
	}

	private static UUID uuid(String text) {
		try {
			return (text != null) ? UUID.fromString(text.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String clean(String text) {
		return (text != null) ? Texts.clean(text, MAX_TEXT) : null;
	}

	private static String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Integer integer(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null && header.value().length == Integer.BYTES)
				? ByteBuffer.wrap(header.value()).getInt() : null;
	}

	private static Long number(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null && header.value().length == Long.BYTES)
				? ByteBuffer.wrap(header.value()).getLong() : null;
	}

}
