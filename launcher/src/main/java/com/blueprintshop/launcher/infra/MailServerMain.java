package com.blueprintshop.launcher.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local mail catcher: an SMTP server that accepts mail for any recipient and keeps it in
 * memory, and a small HTTP API to read it ({@code GET /messages}) and to probe it
 * ({@code GET /health}). Runs as its own JVM, started by the launcher.
 */
public final class MailServerMain {

	/** One received message as {@code GET /messages} lists it. */
	public record MailMessage(String from, List<String> to, String subject, Instant receivedAt, String body) {

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MailServerMain() {
	}

	/** A running mail catcher. */
	public record Running(GreenMail greenMail, HttpServer api) implements AutoCloseable {

		@Override
		public void close() {
			this.api.stop(0);
			this.greenMail.stop();
		}

	}

	public static void main(String[] args) throws Exception {
		int smtpPort = intArgument(args, "--smtp-port", 3025);
		int apiPort = intArgument(args, "--api-port", 3080);
		Running running = start(smtpPort, apiPort);
		System.out.printf("mail: SMTP on 127.0.0.1:%d, API on http://127.0.0.1:%d/messages%n", smtpPort, apiPort);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			running.close();
			stopped.countDown();
		}, "mail-shutdown"));
		stopped.await();
	}

	public static Running start(int smtpPort, int apiPort) throws IOException {
		GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		// the JDK server otherwise waits on Nagle's algorithm for every response
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), apiPort), 16);
		api.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		api.createContext("/health", (exchange) -> respond(exchange, 200, "text/plain", "UP"));
		api.createContext("/messages", (exchange) -> respond(exchange, 200, "application/json",
				JSON.writeValueAsString(messages(greenMail))));
		api.start();
		return new Running(greenMail, api);
	}

	static List<MailMessage> messages(GreenMail greenMail) {
		// GreenMail files a copy in every recipient's mailbox; a message sent to two people is one message
		Set<String> seen = new HashSet<>();
		return greenMail.getManagers()
			.getImapHostManager()
			.getAllMessages()
			.stream()
			.sorted(Comparator.comparing(StoredMessage::getReceivedDate))
			.filter((stored) -> seen.add(identity(stored)))
			.map((stored) -> toMailMessage(stored.getMimeMessage(), stored.getReceivedDate().toInstant()))
			.toList();
	}

	private static String identity(StoredMessage stored) {
		try {
			String id = stored.getMimeMessage().getMessageID();
			return (id != null) ? id : "uid:" + stored.getUid() + "@" + stored.getReceivedDate().getTime();
		}
		catch (MessagingException ex) {
			return "uid:" + stored.getUid() + "@" + stored.getReceivedDate().getTime();
		}
	}

	static MailMessage toMailMessage(MimeMessage message, Instant receivedAt) {
		try {
			return new MailMessage(join(message.getFrom()),
					Arrays.stream(orEmpty(message.getRecipients(Message.RecipientType.TO))).map(Address::toString).toList(),
					message.getSubject(), receivedAt, text(message));
		}
		catch (MessagingException | IOException ex) {
			return new MailMessage("?", List.of(), "(unreadable: " + ex.getMessage() + ")", receivedAt, "");
		}
	}

	/** The plain-text body, or the first text part of a multipart message. */
	private static String text(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (body.isMimeType("text/*") || body.getContent() instanceof Multipart) {
					return text(body);
				}
			}
		}
		return "";
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static String join(Address[] addresses) {
		return String.join(", ", Arrays.stream(orEmpty(addresses)).map(Address::toString).toList());
	}

	private static Address[] orEmpty(Address[] addresses) {
		return (addresses != null) ? addresses : new Address[0];
	}

	private static int intArgument(String[] args, String name, int fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return Integer.parseInt(args[i + 1]);
			}
		}
		return fallback;
	}

}
