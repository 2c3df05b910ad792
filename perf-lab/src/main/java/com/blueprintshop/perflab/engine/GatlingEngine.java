package com.blueprintshop.perflab.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import io.gatling.app.RunResult;
import io.gatling.app.RunResultProcessor;
import io.gatling.core.actor.ActorSystem;
import io.gatling.core.cli.GatlingArgs;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.javaapi.core.Simulation;
import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoopGroup;
import scala.Option;

/**
 * Runs a Gatling simulation in this JVM, as Gatling's own launcher does (configuration, actor
 * system, event loops, runner, then the HTML report), with the stats engine tapped by a
 * {@link Recorder} and the TLS trust limited to the run's CA.
 */
public final class GatlingEngine {

	private static final String TRUST_STORE_PASSWORD = "perf-lab";

	private GatlingEngine() {
	}

	/**
	 * Gatling writes its simulation.log with String internals ({@code java.lang} must be open to
	 * it). Checked before anything is started, with what to do about it.
	 */
	public static void checkJvm() {
		if (!String.class.getModule().isOpen("java.lang", GatlingEngine.class.getModule())) {
			throw new IllegalStateException("Gatling needs the JVM option --add-opens=java.base/java.lang=ALL-UNNAMED"
					+ " (java --add-opens=java.base/java.lang=ALL-UNNAMED -cp perf-lab/target/perf-lab.jar:"
					+ "perf-lab/target/lib/* com.blueprintshop.perflab.LoadLab …)");
		}
	}

	/**
	 * @param resultsDirectory Gatling's results folder: the run's report lands in a folder of its own below it
	 * @param trust the certificates the load generator trusts (the run's CA)
	 * @return the folder of Gatling's report for this run
	 */
	public static Path run(Class<? extends Simulation> simulation, String description, Path resultsDirectory,
			KeyStore trust, Recorder recorder) {
		checkJvm();
		try {
			Files.createDirectories(resultsDirectory);
			Path trustStore = resultsDirectory.resolve("truststore.p12");
			try (OutputStream out = Files.newOutputStream(trustStore)) {
				trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
			}
			System.setProperty("gatling.ssl.trustStore.file", trustStore.toString());
			System.setProperty("gatling.ssl.trustStore.type", "PKCS12");
			System.setProperty("gatling.ssl.trustStore.password", TRUST_STORE_PASSWORD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the trust store in " + resultsDirectory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot write the trust store: " + ex.getMessage(), ex);
		}
		ConfigFactory.invalidateCaches();
		GatlingConfiguration configuration = GatlingConfiguration$.MODULE$.load();
		GatlingArgs args = GatlingArgs.apply(Option.apply(simulation.getName()), Option.apply(description), false,
				Option.empty(), Option.apply(resultsDirectory), Option.apply("blueprint-perf-lab"), Option.empty());
		ActorSystem system = new ActorSystem();
		EventLoopGroup eventLoops = Transports.newEventLoopGroup(configuration.netty().useNativeTransport(),
				configuration.netty().useIoUring(), 0, "gatling");
		RunResult result;
		try {
			result = new RecordingRunner(system, eventLoops, args, configuration, recorder).run();
		}
		finally {
			system.close();
			eventLoops.shutdownGracefully(0, configuration.core().shutdownTimeout(), TimeUnit.MILLISECONDS);
		}
		new RunResultProcessor(args, configuration).processRunResult(result);
		return resultsDirectory.resolve(result.runId());
	}

}
