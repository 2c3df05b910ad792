package com.blueprintshop.perflab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.blueprintshop.perflab.model.ProcessSeries;

/**
 * CPU and memory of each component's process tree, once a second, from {@code /proc}: the main
 * process and all its descendants (PostgreSQL's backends, nginx's workers). CPU is the tree's
 * ticks (its own and its reaped children's) since the last sample, in percent of one core.
 */
public final class ProcessSampler {

	private final Path proc;

	private final Map<String, Tracked> tracked = new LinkedHashMap<>();

	public ProcessSampler(Path proc) {
		this.proc = proc;
	}

	public void track(String component, long pid) {
		this.tracked.put(component, new Tracked(component, pid));
	}

	/** Takes one sample of every tracked tree at {@code t} seconds (epoch {@code nowMillis}). */
	public synchronized void sample(double t, long nowMillis) {
		for (Tracked tree : this.tracked.values()) {
			Totals totals = totals(tree.pid);
			if (totals == null) {
				continue;
			}
			if (tree.sampled && nowMillis > tree.lastMillis) {
				double seconds = (nowMillis - tree.lastMillis) / 1000.0;
				double cpu = Math.max(0, totals.ticks - tree.lastTicks) * 100.0 / ProcStat.TICKS_PER_SECOND / seconds;
				tree.samples.add(new ProcessSeries.ProcessSample(t, Math.round(cpu * 10) / 10.0,
						Math.round(totals.rssKiB / 1024.0 * 10) / 10.0));
				tree.cpuSeconds.add(new double[] { t,
						Math.max(0, totals.ticks - tree.lastTicks) / (double) ProcStat.TICKS_PER_SECOND });
			}
			tree.lastTicks = totals.ticks;
			tree.lastMillis = nowMillis;
			tree.sampled = true;
		}
	}

	public synchronized List<ProcessSeries> series() {
		List<ProcessSeries> series = new ArrayList<>();
		this.tracked.values()
			.forEach((t) -> series.add(new ProcessSeries(t.component, t.pid, List.copyOf(t.samples))));
		return series;
	}

	/** CPU seconds the tree of {@code component} used between two moments, from its samples. */
	public synchronized double cpuSeconds(String component, double fromT, double toT) {
		Tracked tree = this.tracked.get(component);
		if (tree == null) {
			return 0;
		}
		// each sample's CPU seconds belong to the interval that ends at its t
		return tree.cpuSeconds.stream().filter((c) -> c[0] > fromT && c[0] <= toT).mapToDouble((c) -> c[1]).sum();
	}

	private Totals totals(long pid) {
		ProcStat root = stat(pid);
		if (root == null) {
			return null;
		}
		long ticks = root.ticks();
		long rss = rssKiB(pid);
		for (long child : descendants(pid)) {
			ProcStat stat = stat(child);
			if (stat != null) {
				ticks += stat.ticks();
				rss += rssKiB(child);
			}
		}
		return new Totals(ticks, rss);
	}

	private List<Long> descendants(long pid) {
		if (this.proc.equals(Path.of("/proc"))) {
			return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).toList();
		}
		// a fixture directory: children by their ppid field
		List<Long> found = new ArrayList<>();
		List<Long> frontier = new ArrayList<>(List.of(pid));
		while (!frontier.isEmpty()) {
			long parent = frontier.removeFirst();
			try (Stream<Path> entries = Files.list(this.proc)) {
				for (Path entry : entries.toList()) {
					String name = entry.getFileName().toString();
					if (name.chars().allMatch(Character::isDigit)) {
						ProcStat stat = stat(Long.parseLong(name));
						if (stat != null && stat.ppid() == parent) {
							found.add(stat.pid());
							frontier.add(stat.pid());
						}
					}
				}
			}
			catch (IOException ex) {
				return found;
			}
		}
		return found;
	}

	ProcStat stat(long pid) {
		try {
			return ProcStat.parse(Files.readString(this.proc.resolve(pid + "/stat")).strip());
		}
		catch (IOException | RuntimeException ex) {
			// gone between listing and reading: it is not there any more
			return null;
		}
	}

	private long rssKiB(long pid) {
		try {
			for (String line : Files.readAllLines(this.proc.resolve(pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

	private record Totals(long ticks, long rssKiB) {
	}

	private static final class Tracked {

		final String component;

		final long pid;

		final List<ProcessSeries.ProcessSample> samples = new ArrayList<>();

		final List<double[]> cpuSeconds = new ArrayList<>();

		long lastTicks;

		long lastMillis;

		boolean sampled;

		Tracked(String component, long pid) {
			this.component = component;
			this.pid = pid;
		}

	}

}
