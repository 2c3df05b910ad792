package com.blueprintshop.perflab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import com.blueprintshop.perflab.model.MetricSeries;
import com.blueprintshop.perflab.model.MetricSeries.MetricSample;
import com.blueprintshop.perflab.model.ProcessSeries;
import com.blueprintshop.perflab.model.ProcessSeries.ProcessSample;
import com.blueprintshop.perflab.model.Saturation;

import static com.blueprintshop.perflab.report.Format.num;

/**
 * Says which resource saturated first in a run, from the samples taken while it ran.
 * <p>
 * Five resources are watched, each with a threshold that must hold for {@value #SUSTAINED} consecutive
 * samples (one a second; all of them when the window has fewer) so that a one-second blip is not a
 * verdict:
 * <ul>
 * <li>machine CPU: the processes' CPU added up, at least 90 % of {@code cores × 100};</li>
 * <li>a single process pegged at about one core (90–110 % of a core) on a machine with more than one:
 * a single-threaded bottleneck, which the machine's total hides;</li>
 * <li>a service's database pool: threads waiting for a connection ({@code pending > 0});</li>
 * <li>a service's Kafka consumer lag: rising from one second to the next;</li>
 * <li>a JVM's GC pauses: more than 5 % of the time (50 ms a second).</li>
 * </ul>
 * {@link Saturation#first()} names the one whose sustained crossing began earliest (ties in that order),
 * or {@code none}; the findings give the numbers behind it and behind the others.
 */
public final class SaturationAnalysis {

	/** Consecutive samples over a threshold that count as saturation. */
	static final int SUSTAINED = 3;

	static final double MACHINE_CPU_SHARE = 0.90;

	static final double PEGGED_LOW_PERCENT = 90;

	static final double PEGGED_HIGH_PERCENT = 110;

	static final double GC_MS_PER_SECOND = 50;

	static final String LOAD_GENERATOR = "load-generator";

	private SaturationAnalysis() {
	}

	/**
	 * @param cores the machine's cores
	 * @param fromT the measured window's start (seconds since the run's start)
	 * @param toT its end
	 */
	public static Saturation of(int cores, double fromT, double toT, List<ProcessSeries> processes,
			List<MetricSeries> metrics) {
		if (cores < 1) {
			throw new IllegalArgumentException("cores must be at least 1, got " + cores);
		}
		if (!(toT >= fromT)) {
			throw new IllegalArgumentException("The window ends (t=" + toT + ") before it starts (t=" + fromT + ")");
		}
		Window window = new Window(fromT, toT);
		List<ProcessSeries> procs = (processes != null) ? processes : List.of();
		List<MetricSeries> mets = (metrics != null) ? metrics : List.of();
		List<Crossing> crossings = new ArrayList<>();
		List<String> findings = new ArrayList<>();

		machineCpu(cores, window, procs, crossings, findings);
		busiestProcesses(cores, window, procs, crossings, findings);
		databasePools(window, mets, crossings, findings);
		kafkaLag(window, mets, crossings, findings);
		gcPauses(window, mets, crossings, findings);

		if (findings.isEmpty()) {
			findings.add("No process or metric samples between t=" + num(fromT) + " s and t=" + num(toT)
					+ " s: nothing to judge saturation by.");
		}
		crossings.sort(Comparator.comparingDouble(Crossing::t).thenComparingInt(Crossing::rank));
		if (crossings.isEmpty()) {
			return new Saturation("none", List.copyOf(findings));
		}
		if (crossings.size() > 1) {
			StringBuilder order = new StringBuilder("Thresholds crossed, in order: ");
			for (int i = 0; i < crossings.size(); i++) {
				Crossing crossing = crossings.get(i);
				order.append((i > 0) ? "; " : "").append(crossing.resource()).append(" from t=").append(num(crossing.t()))
					.append(" s");
			}
			findings.add(order.append('.').toString());
		}
		Crossing first = crossings.getFirst();
		return new Saturation(first.resource() + " from t=" + num(first.t()) + " s", List.copyOf(findings));
	}

	private static void machineCpu(int cores, Window window, List<ProcessSeries> processes, List<Crossing> crossings,
			List<String> findings) {
		TreeMap<Long, Double> total = machineCpuPerSecond(window, processes);
		if (total.isEmpty()) {
			return;
		}
		double capacity = cores * 100.0;
		List<Double> ts = total.keySet().stream().map(Long::doubleValue).toList();
		List<Double> values = List.copyOf(total.values());
		double mean = mean(values);
		double peak = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		findings.add("Machine CPU (" + cores + " cores) averaged " + num(100 * mean / capacity) + " % (peak "
				+ num(100 * peak / capacity) + " %) between t=" + num(window.from()) + " s and t=" + num(window.to())
				+ " s.");
		Integer start = sustainedFrom(values.stream().map(v -> v >= MACHINE_CPU_SHARE * capacity).toList());
		if (start != null) {
			double after = mean(values.subList(start, values.size()));
			crossings.add(new Crossing(ts.get(start),
					"machine CPU (" + cores + " cores) at " + num(100 * after / capacity) + " %", 0));
		}
	}

	/** The processes' CPU added up per second (each process's samples averaged within the second). */
	static TreeMap<Long, Double> machineCpuPerSecond(Window window, List<ProcessSeries> processes) {
		TreeMap<Long, Double> total = new TreeMap<>();
		for (ProcessSeries process : processes) {
			TreeMap<Long, double[]> perSecond = new TreeMap<>();
			for (ProcessSample sample : samples(process, window)) {
				double[] sumAndCount = perSecond.computeIfAbsent(Math.round(sample.t()), k -> new double[2]);
				sumAndCount[0] += sample.cpuPercent();
				sumAndCount[1]++;
			}
			perSecond.forEach((second, sc) -> total.merge(second, sc[0] / sc[1], Double::sum));
		}
		return total;
	}

	private static void busiestProcesses(int cores, Window window, List<ProcessSeries> processes,
			List<Crossing> crossings, List<String> findings) {
		record Usage(String component, double mean, double peak) {
		}
		List<Usage> usages = new ArrayList<>();
		for (ProcessSeries process : processes) {
			List<ProcessSample> samples = samples(process, window);
			if (samples.isEmpty()) {
				continue;
			}
			List<Double> cpu = samples.stream().map(ProcessSample::cpuPercent).toList();
			usages.add(new Usage(process.component(), mean(cpu),
					cpu.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
			if (cores > 1) {
				Integer start = sustainedFrom(
						cpu.stream().map(c -> c >= PEGGED_LOW_PERCENT && c <= PEGGED_HIGH_PERCENT).toList());
				if (start != null) {
					double after = mean(cpu.subList(start, cpu.size()));
					crossings.add(new Crossing(samples.get(start).t(), process.component() + " at " + num(after)
							+ " % of one core while the machine had " + cores + " (a single-threaded bottleneck)", 1));
				}
			}
		}
		if (usages.isEmpty()) {
			return;
		}
		usages.sort(Comparator.comparingDouble(Usage::mean).reversed().thenComparing(Usage::component));
		StringBuilder top = new StringBuilder("Busiest processes by mean CPU: ");
		for (int i = 0; i < Math.min(3, usages.size()); i++) {
			Usage usage = usages.get(i);
			top.append((i > 0) ? ", " : "").append(usage.component()).append(' ').append(num(usage.mean()))
				.append(" % of a core (peak ").append(num(usage.peak())).append(" %)");
		}
		findings.add(top.append('.').toString());
		usages.stream().filter(u -> u.component().equals(LOAD_GENERATOR)).findFirst().ifPresent(u -> findings
			.add("The load generator used " + num(u.mean() / cores) + " % of the machine's CPU (" + num(u.mean())
					+ " % of a core): every figure was measured on a machine it shared."));
	}

	private static void databasePools(Window window, List<MetricSeries> metrics, List<Crossing> crossings,
			List<String> findings) {
		boolean anyPool = false;
		boolean anyWait = false;
		for (MetricSeries series : metrics) {
			List<MetricSample> samples = present(series, window, MetricSample::dbPoolPending);
			if (samples.isEmpty()) {
				continue;
			}
			anyPool = true;
			List<Boolean> waiting = samples.stream().map(s -> s.dbPoolPending() > 0).toList();
			long secondsWaiting = waiting.stream().filter(w -> w).count();
			if (secondsWaiting == 0) {
				continue;
			}
			anyWait = true;
			double peak = samples.stream().mapToDouble(MetricSample::dbPoolPending).max().orElse(0);
			List<Double> acquire = samples.stream()
				.map(MetricSample::dbPoolAcquireMs)
				.filter(a -> a != null)
				.toList();
			String acquireText = acquire.isEmpty() ? ""
					: ", mean acquire " + num(mean(acquire)) + " ms, worst second "
							+ num(acquire.stream().mapToDouble(Double::doubleValue).max().orElse(0)) + " ms";
			findings.add(series.component() + "'s database pool had threads waiting for a connection in "
					+ secondsWaiting + " of " + samples.size() + " seconds (peak " + num(peak) + " waiting"
					+ acquireText + ").");
			Integer start = sustainedFrom(waiting);
			if (start != null) {
				crossings.add(new Crossing(samples.get(start).t(),
						series.component() + "'s database pool (up to " + num(peak) + " threads waiting)", 2));
			}
		}
		if (anyPool && !anyWait) {
			findings.add("No thread waited for a database connection.");
		}
	}

	private static void kafkaLag(Window window, List<MetricSeries> metrics, List<Crossing> crossings,
			List<String> findings) {
		boolean anyConsumer = false;
		boolean anyLag = false;
		for (MetricSeries series : metrics) {
			List<MetricSample> samples = present(series, window, MetricSample::kafkaConsumerLag);
			if (samples.isEmpty()) {
				continue;
			}
			anyConsumer = true;
			List<Double> lag = samples.stream().map(MetricSample::kafkaConsumerLag).toList();
			double peak = lag.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			if (peak <= 0) {
				continue;
			}
			anyLag = true;
			double slope = slope(samples.stream().map(MetricSample::t).toList(), lag);
			findings.add(series.component() + "'s Kafka consumer lag went from " + num(lag.getFirst()) + " to "
					+ num(lag.getLast()) + " records (peak " + num(peak) + ", trend " + signed(slope)
					+ " records/s).");
			List<Boolean> rising = new ArrayList<>();
			for (int i = 0; i < lag.size(); i++) {
				rising.add(i > 0 && lag.get(i) > 0 && lag.get(i) > lag.get(i - 1));
			}
			Integer start = sustainedFrom(rising);
			if (start != null) {
				crossings.add(new Crossing(samples.get(start).t(), "Kafka consumer lag of " + series.component()
						+ " (growing, " + num(peak) + " records at its peak)", 3));
			}
		}
		if (anyConsumer && !anyLag) {
			findings.add("No Kafka consumer fell behind.");
		}
	}

	private static void gcPauses(Window window, List<MetricSeries> metrics, List<Crossing> crossings,
			List<String> findings) {
		record Gc(String component, double meanMs, double peakMs) {
		}
		List<Gc> jvms = new ArrayList<>();
		for (MetricSeries series : metrics) {
			List<MetricSample> samples = samples(series, window);
			if (samples.isEmpty()) {
				continue;
			}
			List<Double> gc = samples.stream().map(MetricSample::gcPauseMsPerSecond).toList();
			double peak = gc.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			jvms.add(new Gc(series.component(), mean(gc), peak));
			Integer start = sustainedFrom(gc.stream().map(ms -> ms > GC_MS_PER_SECOND).toList());
			if (start != null) {
				double after = mean(gc.subList(start, gc.size()));
				crossings.add(new Crossing(samples.get(start).t(),
						"GC pauses of " + series.component() + " (" + num(after / 10) + " % of the time)", 4));
			}
		}
		if (jvms.isEmpty()) {
			return;
		}
		jvms.sort(Comparator.comparingDouble(Gc::meanMs).reversed().thenComparing(Gc::component));
		StringBuilder text = new StringBuilder("GC pauses took ");
		for (int i = 0; i < Math.min(3, jvms.size()); i++) {
			Gc jvm = jvms.get(i);
			text.append((i > 0) ? ", " : "").append(num(jvm.meanMs() / 10)).append(" % of the time in ")
				.append(jvm.component()).append(" (worst second ").append(num(jvm.peakMs())).append(" ms)");
		}
		findings.add(text.append(" (the threshold is ").append(num(GC_MS_PER_SECOND / 10)).append(" %).").toString());
	}

	/** The index that starts the first run of {@value #SUSTAINED} trues (or of all, when fewer), or null. */
	static Integer sustainedFrom(List<Boolean> over) {
		int needed = Math.min(SUSTAINED, over.size());
		if (needed == 0) {
			return null;
		}
		int run = 0;
		for (int i = 0; i < over.size(); i++) {
			run = over.get(i) ? run + 1 : 0;
			if (run == needed) {
				return i - needed + 1;
			}
		}
		return null;
	}

	private static List<ProcessSample> samples(ProcessSeries process, Window window) {
		if (process.samples() == null) {
			return List.of();
		}
		return process.samples()
			.stream()
			.filter(s -> window.contains(s.t()))
			.sorted(Comparator.comparingDouble(ProcessSample::t))
			.toList();
	}

	private static List<MetricSample> samples(MetricSeries series, Window window) {
		if (series.samples() == null) {
			return List.of();
		}
		return series.samples()
			.stream()
			.filter(s -> window.contains(s.t()))
			.sorted(Comparator.comparingDouble(MetricSample::t))
			.toList();
	}

	private static List<MetricSample> present(MetricSeries series, Window window,
			Function<MetricSample, Double> value) {
		return samples(series, window).stream().filter(s -> value.apply(s) != null).toList();
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	/** Least-squares slope of {@code ys} over {@code xs}; 0 with fewer than two distinct x. */
	private static double slope(List<Double> xs, List<Double> ys) {
		double mx = mean(xs);
		double my = mean(ys);
		double sxy = 0;
		double sxx = 0;
		for (int i = 0; i < xs.size(); i++) {
			sxy += (xs.get(i) - mx) * (ys.get(i) - my);
			sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
		}
		return (sxx > 0) ? sxy / sxx : 0;
	}

	private static String signed(double value) {
		return ((value > 0) ? "+" : "") + num(value);
	}

	record Window(double from, double to) {

		boolean contains(double t) {
			return t >= this.from && t <= this.to;
		}

	}

	private record Crossing(double t, String resource, int rank) {
	}

}
