package com.blueprintshop.perflab.journey;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The Gatling simulation LoadLab runs: one scenario (the profile's journey, or the mix drawn per
 * arriving user) injected as {@link SimulationSpec#workload()} says, against the edge.
 */
public class ShopSimulation extends Simulation {

	public ShopSimulation() {
		SimulationSpec spec = SimulationSpec.current();
		HttpProtocolBuilder protocol = http.baseUrl(spec.baseUrl())
			// as a browser asks: identity then redirects to its sign-in page instead of answering 401
			.acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.acceptLanguageHeader("en")
			.acceptEncodingHeader("gzip")
			.userAgentHeader("blueprint-perf-lab (Gatling)")
			.disableWarmUp()
			.redirectNamingStrategy((uri, name, count) -> Routes.hop(name, uri.getPath()));
		Journeys journeys = new Journeys(spec.data(), spec.outcomes(), spec.thinkSeconds());
		ScenarioBuilder users = scenario(spec.profile().label()).exec(journeys.of(spec.profile()));
		PopulationBuilder population = switch (spec.workload()) {
			case Workload.Open open -> users.injectOpen(openSteps(open));
			case Workload.Closed closed -> users.injectClosed(closedSteps(closed));
		};
		setUp(population.protocols(protocol)).maxDuration(spec.maxDuration());
	}

	static List<OpenInjectionStep> openSteps(Workload.Open open) {
		return open.steps()
			.stream()
			.map((step) -> (step.fromRate() == step.toRate())
					? (OpenInjectionStep) constantUsersPerSec(step.fromRate()).during(seconds(step.seconds()))
					: rampUsersPerSec(step.fromRate()).to(step.toRate()).during(seconds(step.seconds())))
			.toList();
	}

	static List<ClosedInjectionStep> closedSteps(Workload.Closed closed) {
		return closed.steps()
			.stream()
			.map((step) -> (ClosedInjectionStep) constantConcurrentUsers(step.users()).during(seconds(step.seconds())))
			.toList();
	}

	private static Duration seconds(double seconds) {
		return Duration.ofMillis(Math.round(seconds * 1000));
	}

}
