package com.blueprintshop.perflab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleFunction;

import com.blueprintshop.perflab.engine.GatlingEngine;
import com.blueprintshop.perflab.engine.Recorder;
import com.blueprintshop.perflab.engine.StatsJson;
import com.blueprintshop.perflab.journey.Outcomes;
import com.blueprintshop.perflab.journey.Profile;
import com.blueprintshop.perflab.journey.ShopData;
import com.blueprintshop.perflab.journey.ShopSimulation;
import com.blueprintshop.perflab.journey.SimulationSpec;
import com.blueprintshop.perflab.journey.Workload;
import com.blueprintshop.perflab.measure.Measurements;
import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.ProcessSeries;
import com.blueprintshop.perflab.shop.RunningSystem;
import com.blueprintshop.perflab.shop.ShopApi;
import com.blueprintshop.perflab.shop.ShopperPool;
import com.blueprintshop.perflab.shop.SystemNotRunningException;
import com.blueprintshop.perflab.sample.CacheCounters;
import com.blueprintshop.perflab.sample.SystemSampler;

/**
 * Applies one workload to the system and measures it: the shop's data prepared through the API,
 * the samplers started, Gatling run with its stats tapped, a progress line a second, and
 * everything the report needs collected on one clock, the load's start.
 */
final class Lab {

	/** How long Gatling may go on after the last arrival, for journeys still under way. */
	static final Duration DRAIN_BOUND = Duration.ofSeconds(120);

	/** A buy journey signed in, browsing, checking out and polling takes about this long at most. */
	static final double SIGNED_IN_JOURNEY_SECONDS = 40;

	private Lab() {
	}

	/**
	 * @param target where the load goes; the system's edge unless {@code --target} said otherwise
	 * @param sampleSystem whether this run samples the system's processes and metrics
	 * @param shoppers how many shopper accounts, or 0 to size the pool from the workload
	 * @param warmupSeconds the first seconds, shown as such in the progress lines
	 */
	record Setup(RunningSystem system, String target, boolean sampleSystem, Profile profile, double thinkSeconds,
			Path outDirectory, String description, int shoppers, double warmupSeconds) {
	}

	/**
	 * What a run measured, on the load's clock (seconds since Gatling's run start).
	 *
	 * @param activeUsers users in the system at the end of each second (index 0 = second 1)
	 * @param loadGeneratorShare of the machine's CPU between two moments
	 */
	record Measured(Recorder recorder, List<ProcessSeries> processes, List<MetricSeries> metrics, Path gatlingReport,
			Outcomes outcomes, ShopperPool shoppers, int[] activeUsers, Window cpu, Caches caches) {

		int usersAt(int second) {
			return (second >= 1 && second <= this.activeUsers.length) ? this.activeUsers[second - 1] : 0;
		}

	}

	/**
	 * The cache counters at the end of the warm-up and after the load, {@code null} where the run
	 * did not read them (another target, or the run ended inside its warm-up).
	 */
	record Caches(CacheCounters counters, CacheCounters.Snapshot start, CacheCounters.Snapshot end) {

		com.blueprintshop.perflab.model.Caching between(long requests) {
			return (this.start != null && this.end != null) ? this.counters.between(this.start, this.end, requests) : null;
		}

	}

	/** CPU figures on the load's clock. */
	interface Window {

		double loadGeneratorShare(double fromT, double toT);

		double machineBusy(double fromT, double toT);

		double systemCpuSeconds(double fromT, double toT);

	}

	static Measured apply(Setup setup, Workload workload, PrintStream out) {
		RunningSystem system = setup.system();
		ShopApi api = new ShopApi(system, system.edgeUrl());
		ShopperPool shoppers = null;
		if (setup.profile().needsShoppers()) {
			int size = (setup.shoppers() > 0) ? setup.shoppers()
					: ShopperPool.sizeFor(peakArrivals(workload), setup.profile().shopperShare(),
							SIGNED_IN_JOURNEY_SECONDS * Math.max(1, setup.thinkSeconds()));
			out.printf(Locale.ROOT, "Preparing %d shopper accounts (kept in %s)…%n", size,
					system.home().resolve("load/shoppers.properties"));
			shoppers = ShopperPool.ensure(system.home().resolve("load/shoppers.properties"), size, api);
		}
		List<String> skus = setup.profile().needsStaff() ? api.activeSkus(200) : List.of();
		String adminPassword = setup.profile().needsStaff() ? system.secret("identity.admin.password") : null;
		ShopData data = new ShopData(ShopData.SEARCH_WORDS, skus, shoppers, "admin@blueprint.shop", adminPassword);
		Outcomes outcomes = new Outcomes();
		SimulationSpec.set(new SimulationSpec(setup.target(), setup.profile(), data, outcomes, workload,
				setup.thinkSeconds(), Duration.ofMillis(Math.round(workload.seconds() * 1000)).plus(DRAIN_BOUND)));

		Recorder recorder = new Recorder();
		SystemSampler sampler = new SystemSampler();
		CacheCounters counters = setup.sampleSystem() ? cacheCounters(system) : null;
		if (setup.sampleSystem()) {
			for (RunningSystem.Component component : system.components()) {
				if (component.sampled()) {
					sampler.trackProcess(component.name(), component.pid());
				}
				if (component.hasActuator()) {
					sampler.trackMetrics(component.name(), component.port());
					counters.track(component.name(), component.port());
				}
			}
		}
		java.util.concurrent.atomic.AtomicReference<CacheCounters.Snapshot> windowStart = new java.util.concurrent.atomic.AtomicReference<>();
		List<Integer> users = new ArrayList<>();
		ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "perf-lab-progress");
			thread.setDaemon(true);
			return thread;
		});
		Progress lines = new Progress(recorder, out, rateAt(workload), setup.warmupSeconds(), workload.seconds());
		sampler.start();
		Path report;
		try {
			progress.scheduleAtFixedRate(() -> {
				if (recorder.runStartMillis() > 0) {
					synchronized (users) {
						users.add(recorder.activeUsers());
					}
					lines.print();
					boolean warm = System.currentTimeMillis() - recorder.runStartMillis() >= setup.warmupSeconds() * 1000;
					if (counters != null && warm && windowStart.get() == null) {
						windowStart.set(counters.snapshot());
					}
				}
			}, 1, 1, TimeUnit.SECONDS);
			report = GatlingEngine.run(ShopSimulation.class, setup.description(), setup.outDirectory().resolve("gatling"),
					system.trustStore(), recorder);
		}
		catch (RuntimeException ex) {
			throw new SystemNotRunningException("The load could not be applied: " + ex.getMessage(), ex);
		}
		finally {
			progress.shutdownNow();
			sampler.close();
		}
		if (recorder.runStartMillis() == 0) {
			throw new SystemNotRunningException("Gatling did not start the run");
		}
		double origin = (recorder.runStartMillis() - sampler.startMillis()) / 1000.0;
		int[] perSecond;
		synchronized (users) {
			perSecond = users.stream().mapToInt(Integer::intValue).toArray();
		}
		Window cpu = new Window() {

			@Override
			public double loadGeneratorShare(double fromT, double toT) {
				return sampler.loadGeneratorShare(fromT + origin, toT + origin, Runtime.getRuntime().availableProcessors());
			}

			@Override
			public double machineBusy(double fromT, double toT) {
				return sampler.machineBusy(fromT + origin, toT + origin);
			}

			@Override
			public double systemCpuSeconds(double fromT, double toT) {
				return sampler.systemCpuSeconds(fromT + origin, toT + origin);
			}

		};
		Caches caches = (counters != null) ? new Caches(counters, windowStart.get(),
				(windowStart.get() != null) ? counters.snapshot() : null) : null;
		return new Measured(recorder, sampler.processes(origin), sampler.metrics(origin), report, outcomes, shoppers,
				perSecond, cpu, caches);
	}

	/** Where the running system's cache counters are: its services, its edge's log, its PostgreSQL. */
	private static CacheCounters cacheCounters(RunningSystem system) {
		Optional<CacheCounters.Database> database = Optional.empty();
		if (system.postgresPort() != null) {
			try {
				database = Optional.of(new CacheCounters.Database(
						"jdbc:postgresql://" + system.postgresHost() + ":" + system.postgresPort() + "/postgres", "postgres",
						system.secret("postgres.superuser.password")));
			}
			catch (RuntimeException ex) {
				// an external PostgreSQL: no superuser password of ours
			}
		}
		return new CacheCounters(system.home().resolve("logs/edge-access.log"), database);
	}

	/** Gatling's own count of the run's requests next to the recorder's, when its report is there. */
	static String crossCheck(Measured measured) {
		Path stats = measured.gatlingReport().resolve("js/stats.js");
		if (!java.nio.file.Files.isRegularFile(stats)) {
			return "Gatling's report has no js/stats.js to cross-check against.";
		}
		long ours = measured.recorder().size();
		long theirs = Math.round(StatsJson.read(stats).get(StatsJson.ALL).count());
		return (ours == theirs)
				? "Gatling's own report (" + measured.gatlingReport().getFileName() + ") counted the same " + ours
						+ " requests over the whole run."
				: "Gatling's own report counted " + theirs + " requests over the whole run, this report " + ours + ".";
	}

	static double peakArrivals(Workload workload) {
		return switch (workload) {
			case Workload.Open open -> open.peakRate();
			case Workload.Closed closed -> closed.steps().stream().mapToInt(Workload.Closed.Step::users).max().orElse(1)
					/ 10.0;
		};
	}

	private static DoubleFunction<String> rateAt(Workload workload) {
		return switch (workload) {
			case Workload.Open open -> (t) -> String.format(Locale.ROOT, "rate %5.1f/s", open.rateAt(t));
			case Workload.Closed closed -> (t) -> String.format(Locale.ROOT, "concurrency %3d", closed.usersAt(t));
		};
	}

	/** The line printed every second while the load runs. */
	static final class Progress {

		private final Recorder recorder;

		private final PrintStream out;

		private final DoubleFunction<String> rate;

		private final double warmupSeconds;

		private final double loadSeconds;

		private int seen;

		private long errors;

		private final List<Long> measured = new ArrayList<>();

		Progress(Recorder recorder, PrintStream out, DoubleFunction<String> rate, double warmupSeconds,
				double loadSeconds) {
			this.recorder = recorder;
			this.out = out;
			this.rate = rate;
			this.warmupSeconds = warmupSeconds;
			this.loadSeconds = loadSeconds;
		}

		void print() {
			long now = System.currentTimeMillis();
			double t = (now - this.recorder.runStartMillis()) / 1000.0;
			List<Recorder.Sample> fresh = this.recorder.since(this.seen);
			this.seen += fresh.size();
			long lastSecond = 0;
			long warmupEnd = this.recorder.runStartMillis() + Math.round(this.warmupSeconds * 1000);
			for (Recorder.Sample sample : fresh) {
				if (!sample.ok()) {
					this.errors++;
				}
				if (sample.endMillis() > now - 1000) {
					lastSecond++;
				}
				if (sample.startMillis() >= warmupEnd) {
					this.measured.add(sample.millis());
				}
			}
			long[] sorted = this.measured.stream().mapToLong(Long::longValue).sorted().toArray();
			String phase = (t < this.warmupSeconds) ? "  (warm-up)" : (t > this.loadSeconds) ? "  (draining)" : "";
			this.out.printf(Locale.ROOT, "%5.0fs  %s  users %4d  %6.1f req/s  p99 %s  errors %d%s%n", t,
					this.rate.apply(t), this.recorder.activeUsers(), (double) lastSecond,
					(sorted.length > 0) ? String.format(Locale.ROOT, "%5.0f ms", Measurements.percentile(sorted, 99))
							: "    – ms",
					this.errors, phase);
		}

	}

}
