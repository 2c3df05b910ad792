package com.blueprintshop.payment.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulator's settings, kept in the one-row table {@code simulated_provider_settings} so that
 * every payment instance behaves alike, and read through a copy in memory that is at most
 * {@code shop.payment.simulator.settings-refresh} (1 s) old: a provider call costs no query, and
 * a change made through another instance takes effect here within that time (through this one,
 * at once).
 */
public class SimulatorSettingsStore implements Supplier<SimulatorSettings> {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refresh;

	private final Object reading = new Object();

	private volatile Snapshot snapshot;

	public SimulatorSettingsStore(JdbcClient jdbc, Clock clock, Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
	}

	/** The settings as of at most the refresh interval ago. */
	@Override
	public SimulatorSettings get() {
		Snapshot current = this.snapshot;
		if (current != null && current.freshAt(this.clock.instant(), this.refresh)) {
			return current.settings();
		}
		synchronized (this.reading) {
			Instant now = this.clock.instant();
			current = this.snapshot;
			if (current == null || !current.freshAt(now, this.refresh)) {
				current = new Snapshot(read(), now);
				this.snapshot = current;
			}
			return current.settings();
		}
	}

	/** The settings as stored now, bypassing the copy in memory. */
	public SimulatorSettings read() {
		return this.jdbc.sql("select latency_ms, decline_rate, outage, updated_at from simulated_provider_settings")
			.query((rs, n) -> new SimulatorSettings(rs.getInt("latency_ms"), rs.getBigDecimal("decline_rate").doubleValue(),
					rs.getBoolean("outage"), rs.getTimestamp("updated_at").toInstant()))
			.single();
	}

	/** Stores new settings for every instance; this one uses them from now on. */
	public SimulatorSettings change(int latencyMs, BigDecimal declineRate, boolean outage) {
		Instant now = this.clock.instant();
		BigDecimal rate = declineRate.setScale(3, RoundingMode.HALF_EVEN);
		SimulatorSettings changed = new SimulatorSettings(latencyMs, rate.doubleValue(), outage, now);
		synchronized (this.reading) {
			this.jdbc.sql("""
					update simulated_provider_settings
					set latency_ms = :latency, decline_rate = :rate, outage = :outage, updated_at = :now
					""")
				.param("latency", latencyMs)
				.param("rate", rate)
				.param("outage", outage)
				.param("now", Timestamp.from(now))
				.update();
			this.snapshot = new Snapshot(changed, now);
		}
		return changed;
	}

	private record Snapshot(SimulatorSettings settings, Instant readAt) {

		boolean freshAt(Instant now, Duration refresh) {
			return !now.isBefore(this.readAt) && now.isBefore(this.readAt.plus(refresh));
		}

	}

}
