package com.blueprintshop.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.blueprintshop.launcher.infra.MailRunner;
import com.blueprintshop.launcher.infra.MailServerMain.MailMessage;

@Command(name = "mail", mixinStandardHelpOptions = true,
		description = "List the mail the local mail catcher received (nothing leaves this machine).")
final class MailCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	@ParentCommand
	private Blueprint blueprint;

	@Option(names = { "-b", "--body" }, description = "Print each message in full.")
	private boolean body;

	@Override
	public Integer call() throws Exception {
		Settings settings = this.blueprint.settings();
		PrintStream out = this.blueprint.out();
		Optional<ComponentState> mail = new StateStore(settings.home().stateFile()).read()
			.flatMap((state) -> state.component("mail"));
		if (mail.isEmpty()) {
			out.println("The mail catcher is not running (no run in " + settings.home() + ").");
			return 3;
		}
		if (mail.get().external()) {
			out.println("Mail goes to an external SMTP server (" + mail.get().url() + "); read it there.");
			return 2;
		}
		List<MailMessage> messages = fetch(mail.get().ports().get(1));
		if (messages.isEmpty()) {
			out.println("No mail received yet.");
			return 0;
		}
		if (this.body) {
			for (MailMessage message : messages) {
				out.printf("Received: %s%nFrom: %s%nTo: %s%nSubject: %s%n%n%s%n%s%n", TIME.format(message.receivedAt()),
						message.from(), String.join(", ", message.to()), message.subject(), message.body().strip(),
						"-".repeat(72));
			}
			return 0;
		}
		out.print(Table.render(List.of("RECEIVED", "FROM", "TO", "SUBJECT"), messages.stream()
			.map((m) -> List.of(TIME.format(m.receivedAt()), m.from(), String.join(", ", m.to()),
					(m.subject() != null) ? m.subject() : ""))
			.toList()));
		out.println(messages.size() + " message(s). ./blueprint mail --body prints them in full.");
		return 0;
	}

	private static List<MailMessage> fetch(int apiPort) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(MailRunner.messagesUrl(apiPort)))
				.timeout(Duration.ofSeconds(5))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("the mail catcher answered " + response.statusCode());
			}
			return JsonMapper.builder().build().readValue(response.body(), new TypeReference<List<MailMessage>>() {
			});
		}
	}

}
