package com.blueprintshop.launcher.infra;

import java.nio.file.Path;
import java.util.List;

import com.blueprintshop.launcher.BlueprintHome;

/** Runs {@link MailServerMain} in a JVM of its own, so it lives on after {@code up} returns. */
public final class MailRunner {

	private final BlueprintHome home;

	private final Path java;

	private final String classpath;

	public MailRunner(BlueprintHome home, Path java, String classpath) {
		this.home = home;
		this.java = java;
		this.classpath = classpath;
	}

	public List<String> command(int smtpPort, int apiPort) {
		return List.of(this.java.toString(), "-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-Xss512k",
				"-XX:TieredStopAtLevel=1", "-Dblueprint.home=" + this.home, "-cp", this.classpath,
				MailServerMain.class.getName(), "--smtp-port", Integer.toString(smtpPort), "--api-port",
				Integer.toString(apiPort));
	}

	public static String healthUrl(int apiPort) {
		return "http://127.0.0.1:" + apiPort + "/health";
	}

	public static String messagesUrl(int apiPort) {
		return "http://127.0.0.1:" + apiPort + "/messages";
	}

}
