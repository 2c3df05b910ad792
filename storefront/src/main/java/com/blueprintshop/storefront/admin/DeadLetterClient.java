package com.blueprintshop.storefront.admin;

import java.time.Instant;
import java.util.List;

import com.blueprintshop.storefront.system.GatewayCalls;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The messages the notification service parked after their consumers gave up on them
 * ({@code /api/notification/admin/dead-letters}), and replaying one, for admins.
 */
@Component
class DeadLetterClient {

	private static final ParameterizedTypeReference<List<DeadLetter>> DEAD_LETTERS = new ParameterizedTypeReference<>() {
	};

	private final RestClient gateway;

	DeadLetterClient(RestClient gateway) {
		this.gateway = gateway;
	}

	List<DeadLetter> parked(String token) {
		List<DeadLetter> parked = GatewayCalls.call(() -> this.gateway.get()
			.uri("/api/notification/admin/dead-letters?state=parked")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(DEAD_LETTERS));
		return (parked != null) ? parked : List.of();
	}

	void replay(String token, String id) {
		GatewayCalls.run(() -> this.gateway.post()
			.uri("/api/notification/admin/dead-letters/{id}/replay", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.toBodilessEntity());
	}

	/** A parked message: where it came from, why it failed, and how its last replay went. */
	record DeadLetter(String id, String topic, String key, String eventId, String type, String error, Instant parkedAt,
			Instant replayedAt, String lastReplayError) {
	}

}
