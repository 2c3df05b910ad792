package com.blueprintshop.perflab.engine;

import java.net.InetSocketAddress;

import io.gatling.commons.stats.Status;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.controller.Controller;
import io.gatling.core.session.GroupBlock;
import io.gatling.core.stats.StatsEngine;
import io.netty.channel.ChannelHandler;
import scala.Option;
import scala.collection.immutable.List;

/**
 * Gatling's stats engine with a tap: every event goes to the engine Gatling made (its
 * simulation.log and HTML report stay as they are) and the responses and users also to a
 * {@link Recorder}.
 */
final class RecordingStatsEngine implements StatsEngine {

	private final StatsEngine delegate;

	private final Recorder recorder;

	RecordingStatsEngine(StatsEngine delegate, Recorder recorder) {
		this.delegate = delegate;
		this.recorder = recorder;
	}

	@Override
	public void start() {
		this.delegate.start();
	}

	@Override
	public void stop(ActorRef<Controller.Command> controller, Option<Exception> exception) {
		this.delegate.stop(controller, exception);
	}

	@Override
	public void logUserStart(String scenario) {
		this.recorder.userStarted();
		this.delegate.logUserStart(scenario);
	}

	@Override
	public void logUserEnd(String scenario) {
		this.recorder.userEnded();
		this.delegate.logUserEnd(scenario);
	}

	@Override
	public void logResponse(String scenario, List<String> groups, String requestName, long startTimestamp,
			long endTimestamp, Status status, Option<String> responseCode, Option<String> message) {
		this.recorder.response(requestName, startTimestamp, endTimestamp, "OK".equals(status.name()),
				message.isDefined() ? message.get() : null);
		this.delegate.logResponse(scenario, groups, requestName, startTimestamp, endTimestamp, status, responseCode,
				message);
	}

	@Override
	public void logGroupEnd(String scenario, GroupBlock groupBlock, long exitTimestamp) {
		this.delegate.logGroupEnd(scenario, groupBlock, exitTimestamp);
	}

	@Override
	public void logRequestCrash(String scenario, List<String> groups, String requestName, String error) {
		this.recorder.crash(requestName, error, System.currentTimeMillis());
		this.delegate.logRequestCrash(scenario, groups, requestName, error);
	}

	@Override
	public ChannelHandler statsChannelHandler(String name) {
		return this.delegate.statsChannelHandler(name);
	}

	@Override
	public void logTcpConnectAttempt(InetSocketAddress address) {
		this.delegate.logTcpConnectAttempt(address);
	}

	@Override
	public void logTcpConnect(String host, long start, long end, Option<String> error) {
		this.delegate.logTcpConnect(host, start, end, error);
	}

	@Override
	public void logTlsHandshake(String host, long start, long end, Option<String> error) {
		this.delegate.logTlsHandshake(host, start, end, error);
	}

}
