package com.blueprintshop.perflab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.blueprintshop.perflab.model.Machine;

/** What the load generator runs on, from the OS. */
public final class MachineFacts {

	private MachineFacts() {
	}

	public static Machine now() {
		return new Machine(Runtime.getRuntime().availableProcessors(), memoryGiB(Path.of("/proc/meminfo")), os(),
				System.getProperty("java.vm.vendor", "") + " " + Runtime.version());
	}

	static double memoryGiB(Path meminfo) {
		try {
			for (String line : Files.readAllLines(meminfo)) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.substring(9).strip().split("\\s+")[0]);
					return Math.round(kib / 1024.0 / 1024.0 * 10) / 10.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024 * 10) / 10.0;
		}
		return 0;
	}

	/** e.g. {@code Linux 6.1 amd64}: the kernel's major and minor version, as uname -r starts. */
	static String os() {
		String version = System.getProperty("os.version", "");
		String[] parts = version.split("[.-]");
		String short_ = (parts.length >= 2) ? parts[0] + "." + parts[1] : version;
		return System.getProperty("os.name") + " " + short_ + " " + System.getProperty("os.arch");
	}

}
