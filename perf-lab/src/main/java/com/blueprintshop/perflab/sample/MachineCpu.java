package com.blueprintshop.perflab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU from the first line of {@code /proc/stat}: what everyone on it used,
 * the system under test, the load generator and anything else (a build, another session).
 */
public final class MachineCpu {

	private MachineCpu() {
	}

	/** Busy and total ticks so far: user, nice, system, irq, softirq, steal are busy; idle and iowait are not. */
	public static long[] ticks(Path procStat) {
		try {
			String first = Files.readAllLines(procStat).getFirst();
			return parse(first);
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	static long[] parse(String cpuLine) {
		String[] f = cpuLine.strip().split("\\s+");
		long busy = 0;
		long total = 0;
		for (int i = 1; i < f.length && i <= 8; i++) {
			long value = Long.parseLong(f[i]);
			total += value;
			if (i != 4 && i != 5) {
				busy += value;
			}
		}
		return new long[] { busy, total };
	}

}
