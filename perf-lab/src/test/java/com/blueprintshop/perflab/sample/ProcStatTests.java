package com.blueprintshop.perflab.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.blueprintshop.perflab.model.ProcessSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTests {

	// a postgres backend: its command name holds spaces and parentheses, as proc(5) allows
	static final String BACKEND = "4242 (postgres: bp_catalog (idle)) S 4200 4200 4200 0 -1 4194560 1500 0 0 0 "
			+ "120 30 5 2 20 0 1 0 854224 221184000 2048 18446744073709551615 1 1 0 0 0 0 0 4096 1 0 0 0 17 1 0 0";

	@TempDir
	Path proc;

	@Test
	void readsTheFieldsAfterTheLastParenthesis() {
		ProcStat stat = ProcStat.parse(BACKEND);
		assertThat(stat.pid()).isEqualTo(4242);
		assertThat(stat.comm()).isEqualTo("postgres: bp_catalog (idle)");
		assertThat(stat.state()).isEqualTo('S');
		assertThat(stat.ppid()).isEqualTo(4200);
		assertThat(stat.utime()).isEqualTo(120);
		assertThat(stat.stime()).isEqualTo(30);
		assertThat(stat.cutime()).isEqualTo(5);
		assertThat(stat.cstime()).isEqualTo(2);
		assertThat(stat.rssPages()).isEqualTo(2048);
		assertThat(stat.ticks()).isEqualTo(157);
	}

	@Test
	void aTreesCpuIsItsTicksAndItsChildrensSinceTheLastSampleInPercentOfACore() throws IOException {
		process(4200, 1, "postmaster", 100, 0, 50_000);
		process(4242, 4200, "postgres: backend", 10, 0, 20_000);
		ProcessSampler sampler = new ProcessSampler(this.proc);
		sampler.track("postgres", 4200);
		sampler.sample(0, 10_000);
		// one second later: the postmaster used 30 ticks, the backend 50, a new backend 20
		process(4200, 1, "postmaster", 130, 0, 50_000);
		process(4242, 4200, "postgres: backend", 60, 0, 20_000);
		process(4243, 4200, "postgres: backend", 20, 0, 10_000);
		sampler.sample(1, 11_000);
		ProcessSeries series = sampler.series().getFirst();
		assertThat(series.component()).isEqualTo("postgres");
		assertThat(series.samples()).singleElement().satisfies((s) -> {
			assertThat(s.t()).isEqualTo(1);
			assertThat(s.cpuPercent()).isEqualTo(100.0);
			assertThat(s.rssMiB()).isEqualTo(Math.round(80_000 / 1024.0 * 10) / 10.0);
		});
		assertThat(sampler.cpuSeconds("postgres", 0, 1)).isEqualTo(1.0);
	}

	@Test
	void aChildThatExitedAndWasReapedStillCountsThroughItsParent() throws IOException {
		process(4200, 1, "postmaster", 100, 0, 1024);
		process(4242, 4200, "postgres: backend", 40, 0, 1024);
		ProcessSampler sampler = new ProcessSampler(this.proc);
		sampler.track("postgres", 4200);
		sampler.sample(0, 0);
		Files.delete(this.proc.resolve("4242/stat"));
		Files.delete(this.proc.resolve("4242/status"));
		Files.delete(this.proc.resolve("4242"));
		// reaped: its 40 ticks and 10 more are now the parent's cutime
		process(4200, 1, "postmaster", 100, 50, 1024);
		sampler.sample(2, 2000);
		assertThat(sampler.series().getFirst().samples().getFirst().cpuPercent()).isEqualTo(5.0);
	}

	@Test
	void theMachinesBusyTicksLeaveOutIdleAndIowait() {
		long[] ticks = MachineCpu.parse("cpu  100 5 50 800 40 3 2 0 0 0");
		assertThat(ticks[0]).isEqualTo(160);
		assertThat(ticks[1]).isEqualTo(1000);
	}

	private void process(long pid, long ppid, String comm, long utime, long cutime, long rssKiB) throws IOException {
		Path dir = Files.createDirectories(this.proc.resolve(Long.toString(pid)));
		Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid
				+ " 0 -1 4194560 0 0 0 0 " + utime + " 0 " + cutime + " 0 20 0 1 0 1 1 " + (rssKiB / 4) + " 0\n");
		Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nVmRSS:\t    " + rssKiB + " kB\n");
	}

}
