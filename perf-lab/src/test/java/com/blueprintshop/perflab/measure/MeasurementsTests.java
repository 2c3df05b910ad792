package com.blueprintshop.perflab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.blueprintshop.perflab.engine.Recorder.Sample;
import com.blueprintshop.perflab.model.RequestStats;
import com.blueprintshop.perflab.model.TimelinePoint;
import org.junit.jupiter.api.Test;

class MeasurementsTests {

	static final long START = 1_000_000;

	@Test
	void percentilesAreNearestRankOverEveryValue() {
		long[] values = new long[1000];
		for (int i = 0; i < values.length; i++) {
			values[i] = i + 1;
		}
		assertThat(Measurements.percentile(values, 50)).isEqualTo(500);
		assertThat(Measurements.percentile(values, 99)).isEqualTo(990);
		assertThat(Measurements.percentile(values, 99.9)).isEqualTo(999);
		assertThat(Measurements.percentile(new long[] { 7 }, 99.9)).isEqualTo(7);
		assertThat(Measurements.percentile(new long[0], 50)).isZero();
	}

	@Test
	void theWindowTakesTheRequestsSentInItWhenEverTheyEnded() {
		List<Sample> samples = List.of(
				// sent in the warm-up, ended after it: not measured
				new Sample("home", START + 1500, START + 2500, true, null),
				// sent in the window
				new Sample("home", START + 2000, START + 2100, true, null),
				new Sample("search", START + 3000, START + 3400, false, "status.find.in(200), but actually found 503"),
				// sent in the last moment, ended well after the window: measured, with its whole time
				new Sample("home", START + 3999, START + 9999, true, null),
				// sent after the window
				new Sample("home", START + 4000, START + 4100, true, null));
		List<RequestStats> stats = Measurements.requests(samples, START + 2000, START + 4000, 2);
		RequestStats all = stats.getFirst();
		assertThat(all.name()).isEqualTo("all");
		assertThat(all.count()).isEqualTo(3);
		assertThat(all.ko()).isEqualTo(1);
		assertThat(all.ok()).isEqualTo(2);
		assertThat(all.rps()).isEqualTo(1.5);
		assertThat(all.maxMs()).isEqualTo(6000);
		assertThat(all.errors()).containsExactly(java.util.Map.entry("status 503", 1L));
		assertThat(stats).extracting(RequestStats::name).containsExactly("all", "home", "search");
		RequestStats home = stats.get(1);
		assertThat(home.count()).isEqualTo(2);
		assertThat(home.p50Ms()).isEqualTo(100);
		assertThat(home.meanMs()).isEqualTo(3050);
	}

	@Test
	void theTimelineHasEverySecondAndRequestByWhenRequestsEnded() {
		List<Sample> samples = new ArrayList<>();
		samples.add(new Sample("home", START + 100, START + 300, true, null));
		samples.add(new Sample("home", START + 500, START + 1200, false, "timeout"));
		samples.add(new Sample("search", START + 900, START + 1100, true, null));
		List<TimelinePoint> timeline = Measurements.timeline(samples, START, 3, (t) -> t * 10);
		assertThat(timeline).hasSize(3 * 3);
		assertThat(timeline).filteredOn((p) -> p.name().equals("all"))
			.extracting(TimelinePoint::t, TimelinePoint::count, TimelinePoint::ko, TimelinePoint::activeUsers)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 1L, 0L, 10),
					org.assertj.core.groups.Tuple.tuple(2.0, 2L, 1L, 20),
					org.assertj.core.groups.Tuple.tuple(3.0, 0L, 0L, 30));
		TimelinePoint homeSecond2 = timeline.stream()
			.filter((p) -> p.name().equals("home") && p.t() == 2)
			.findFirst()
			.orElseThrow();
		assertThat(homeSecond2.count()).isOne();
		assertThat(homeSecond2.maxMs()).isEqualTo(700);
		assertThat(homeSecond2.activeUsers()).isZero();
	}

	@Test
	void failuresAreCountedByKind() {
		assertThat(ErrorKinds.of("status.find.in([200, 209], 304, [210, 399]), but actually found 502"))
			.isEqualTo("status 502");
		assertThat(ErrorKinds.of("Request timeout to localhost/127.0.0.1:8443 after 30000 ms")).isEqualTo("timeout");
		assertThat(ErrorKinds.of("j.n.ConnectException: Connection refused: localhost/127.0.0.1:8443"))
			.isEqualTo("connection refused");
		assertThat(ErrorKinds.of("css(#view-cart).find.exists, found nothing"))
			.isEqualTo("check failed: css(#view-cart)");
		assertThat(ErrorKinds.of(null)).isEqualTo("failed");
	}

	@Test
	void countsTheWindowsLatenciesInOneTwoFiveBucketsAndLeavesOutTheWarmUp() {
		List<Sample> samples = List.of(new Sample("home", START, START + 30, true, null),
				new Sample("home", START + 1000, START + 1000, true, null),
				new Sample("home", START + 1000, START + 1049, true, null),
				new Sample("search", START + 1000, START + 1050, false, "503"),
				new Sample("home", START + 1000, START + 31000, true, null));

		List<com.blueprintshop.perflab.model.LoadRun.LatencyBucket> buckets = Measurements.histogram(samples,
				START + 1000, START + 2000);

		assertThat(buckets).hasSize(Measurements.HISTOGRAM_BOUNDS.length - 1);
		assertThat(buckets.getFirst().fromMs()).isZero();
		assertThat(buckets.getLast().toMs()).isInfinite();
		assertThat(buckets.stream().mapToLong(com.blueprintshop.perflab.model.LoadRun.LatencyBucket::count).sum())
			.as("the warm-up request is out").isEqualTo(4);
		assertThat(buckets).filteredOn((b) -> b.fromMs() == 0).extracting((b) -> b.count()).containsExactly(1L);
		assertThat(buckets).filteredOn((b) -> b.fromMs() == 20).extracting((b) -> b.count()).containsExactly(1L);
		assertThat(buckets).filteredOn((b) -> b.fromMs() == 50).extracting((b) -> b.count()).containsExactly(1L);
		assertThat(buckets.getLast().count()).as("30 s").isOne();
	}

}
