package com.blueprintshop.launcher.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.launcher.infra.MailServerMain.MailMessage;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerTests {

	@Test
	void acceptsMailForAnyRecipientAndListsEachMessageOnce() throws Exception {
		int smtp = freePort();
		int api = freePort();
		try (MailServerMain.Running ignored = MailServerMain.start(smtp, api);
				HttpClient http = HttpClient.newHttpClient()) {
			send(smtp, "Your order is confirmed", "alice@example.com", "bob@example.org");

			assertThat(http.send(HttpRequest.newBuilder(URI.create(MailRunner.healthUrl(api))).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			String json = http.send(HttpRequest.newBuilder(URI.create(MailRunner.messagesUrl(api))).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			List<MailMessage> messages = JsonMapper.builder().build().readValue(json, new TypeReference<>() {
			});

			assertThat(messages).singleElement().satisfies((message) -> {
				assertThat(message.from()).isEqualTo("shop@blueprint.local");
				assertThat(message.to()).containsExactly("alice@example.com", "bob@example.org");
				assertThat(message.subject()).isEqualTo("Your order is confirmed");
				assertThat(message.body()).contains("Thanks for your order.");
				assertThat(message.receivedAt()).isNotNull();
			});
		}
	}

	private static void send(int port, String subject, String... to) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(port));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("shop@blueprint.local"));
		for (String recipient : to) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(subject);
		message.setText("Thanks for your order.");
		Transport.send(message);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
