package com.blueprintshop.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The run's mail catcher (GreenMail behind the launcher's small JSON API), read over loopback. */
final class Mailbox {

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI messages;

	Mailbox(Blueprint blueprint) throws Exception {
		int port = SystemState.read(blueprint).component("mail").path("ports").get(1).asInt();
		this.messages = URI.create("http://127.0.0.1:" + port + "/messages");
	}

	/** How many messages have a subject that names this order (by the first 8 characters of its id). */
	long aboutOrder(String orderId) throws Exception {
		String reference = orderId.substring(0, 8);
		HttpResponse<String> received = this.http.send(
				HttpRequest.newBuilder(this.messages).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return ShopApi.JSON.readTree(received.body())
			.valueStream()
			.filter((mail) -> mail.path("subject").asString().contains(reference))
			.count();
	}

}
