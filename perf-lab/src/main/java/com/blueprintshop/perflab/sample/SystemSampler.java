package com.blueprintshop.perflab.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.ProcessSeries;

/**
 * Samples once a second, on a thread of its own, while the load runs: every tracked process tree
 * and every tracked JVM's metrics, and the whole machine's CPU. Times are seconds since
 * {@link #start}; {@link #processes(double)} and {@link #metrics(double)} shift them onto another
 * origin (the load's start).
 */
public final class SystemSampler implements AutoCloseable {

	public static final String LOAD_GENERATOR = "load-generator";

	private final ProcessSampler processes = new ProcessSampler(Path.of("/proc"));

	private final MetricsSampler metrics = new MetricsSampler();

	private final List<double[]> machine = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, (r) -> {
		Thread thread = new Thread(r, "perf-lab-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private long startMillis;

	private long[] lastMachine;

	public void trackProcess(String component, long pid) {
		this.processes.track(component, pid);
	}

	public void trackMetrics(String component, int port) {
		this.metrics.track(component, port);
	}

	public void start() {
		this.startMillis = System.currentTimeMillis();
		this.processes.track(LOAD_GENERATOR, ProcessHandle.current().pid());
		this.scheduler.scheduleAtFixedRate(this::sampleOnce, 0, 1, TimeUnit.SECONDS);
	}

	public long startMillis() {
		return this.startMillis;
	}

	private void sampleOnce() {
		long now = System.currentTimeMillis();
		double t = (now - this.startMillis) / 1000.0;
		this.processes.sample(t, now);
		long[] ticks = MachineCpu.ticks(Path.of("/proc/stat"));
		synchronized (this.machine) {
			if (this.lastMachine != null && ticks[1] > this.lastMachine[1]) {
				this.machine.add(new double[] { t,
						(double) (ticks[0] - this.lastMachine[0]) / (ticks[1] - this.lastMachine[1]) });
			}
			this.lastMachine = ticks;
		}
		this.metrics.sample(t, now);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** @param originSeconds the new origin on this sampler's clock; samples before it are left out */
	public List<ProcessSeries> processes(double originSeconds) {
		List<ProcessSeries> shifted = new ArrayList<>();
		for (ProcessSeries series : this.processes.series()) {
			shifted.add(new ProcessSeries(series.component(), series.pid(), series.samples()
				.stream()
				.filter((s) -> s.t() >= originSeconds)
				.map((s) -> new ProcessSeries.ProcessSample(round(s.t() - originSeconds), s.cpuPercent(), s.rssMiB()))
				.toList()));
		}
		return shifted;
	}

	public List<MetricSeries> metrics(double originSeconds) {
		List<MetricSeries> shifted = new ArrayList<>();
		for (MetricSeries series : this.metrics.series()) {
			shifted.add(new MetricSeries(series.component(), series.samples()
				.stream()
				.filter((s) -> s.t() >= originSeconds)
				.map((s) -> new MetricSeries.MetricSample(round(s.t() - originSeconds), s.gcPauseMsPerSecond(),
						s.dbPoolPending(), s.dbPoolAcquireMs(), s.kafkaConsumerLag(), s.requestsPerSecond()))
				.toList()));
		}
		return shifted;
	}

	/** The load generator's share of the machine's CPU (0..1) between two moments on this sampler's clock. */
	public double loadGeneratorShare(double fromT, double toT, int cores) {
		double seconds = toT - fromT;
		return (seconds > 0) ? Math.round(this.processes.cpuSeconds(LOAD_GENERATOR, fromT, toT) / (cores * seconds)
				* 1000) / 1000.0 : 0;
	}

	/** The whole machine's busy share (0..1), averaged between two moments on this sampler's clock. */
	public double machineBusy(double fromT, double toT) {
		synchronized (this.machine) {
			return this.machine.stream()
				.filter((m) -> m[0] > fromT && m[0] <= toT)
				.mapToDouble((m) -> m[1])
				.average()
				.orElse(Double.NaN);
		}
	}

	/** CPU seconds the tracked trees other than the load generator used between two moments. */
	public double systemCpuSeconds(double fromT, double toT) {
		return this.processes.series()
			.stream()
			.filter((s) -> !s.component().equals(LOAD_GENERATOR))
			.mapToDouble((s) -> this.processes.cpuSeconds(s.component(), fromT, toT))
			.sum();
	}

	private static double round(double t) {
		return Math.round(t * 1000) / 1000.0;
	}

}
