package com.blueprintshop.defaults.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}: how many messages wait to be published, and a switch that holds the
 * relay (a {@code POST} with {@code {"paused": true}}) — for operators draining a broker, and for
 * the failure drills that kill a service between the outbox write and the publish. Actuator is
 * not reachable through the edge.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

	private final OutboxRelay relay;

	OutboxEndpoint(OutboxRelay relay) {
		this.relay = relay;
	}

	@ReadOperation
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("paused", this.relay.paused());
		status.put("pending", this.relay.pending());
		status.put("lastFailure", this.relay.lastFailure());
		return status;
	}

	@WriteOperation
	public Map<String, Object> pause(boolean paused) {
		if (paused) {
			this.relay.pause();
		}
		else {
			this.relay.resume();
		}
		return status();
	}

}
