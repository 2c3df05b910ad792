package com.blueprintshop.perflab.engine;

import io.gatling.app.Runner;
import io.gatling.commons.util.DefaultClock;
import io.gatling.core.actor.ActorSystem;
import io.gatling.core.cli.GatlingArgs;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.stats.writer.RunMessage;
import io.netty.channel.EventLoopGroup;

/** Gatling's runner, its stats engine tapped by a {@link Recorder}. */
final class RecordingRunner extends Runner {

	private final Recorder recorder;

	RecordingRunner(ActorSystem system, EventLoopGroup eventLoopGroup, GatlingArgs args,
			GatlingConfiguration configuration, Recorder recorder) {
		super(system, eventLoopGroup, new DefaultClock(), args, configuration);
		this.recorder = recorder;
	}

	@Override
	public StatsEngine newStatsEngine(SimulationParams params, RunMessage runMessage) {
		this.recorder.started(runMessage.start());
		return new RecordingStatsEngine(super.newStatsEngine(params, runMessage), this.recorder);
	}

}
