package com.blueprintshop.perflab.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.blueprintshop.perflab.model.MetricSeries;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

	static PrometheusText fixture(String name) throws IOException {
		try (InputStream in = PrometheusTextTests.class.getResourceAsStream("/fixtures/" + name)) {
			return PrometheusText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@Test
	void readsNamesLabelsAndValues() throws IOException {
		PrometheusText text = fixture("prometheus-before.txt");
		assertThat(text.samples()).anySatisfy((s) -> {
			assertThat(s.name()).isEqualTo("hikaricp_connections_pending");
			assertThat(s.labels()).containsEntry("pool", "HikariPool-1");
			assertThat(s.value()).isEqualTo(0);
		});
		assertThat(text.sum("jvm_gc_pause_seconds_sum")).isEqualTo(0.5 + 1.25);
	}

	@Test
	void labelValuesMayHoldEscapedQuotesCommasAndBraces() {
		PrometheusText.Sample sample = PrometheusText
			.parseLine("http_server_requests_seconds_count{uri=\"/p/{slug}\",note=\"a \\\"b\\\", c\"} 12.0");
		assertThat(sample.labels()).containsEntry("uri", "/p/{slug}").containsEntry("note", "a \"b\", c");
		assertThat(sample.value()).isEqualTo(12);
	}

	@Test
	void oneSecondOfAJvmFromTwoScrapes() throws IOException {
		MetricSeries.MetricSample second = JvmMetrics.between(5, fixture("prometheus-before.txt"),
				fixture("prometheus-after.txt"), 1.0);
		assertThat(second.t()).isEqualTo(5);
		// 0.25 s more of pauses, over both collectors
		assertThat(second.gcPauseMsPerSecond()).isEqualTo(250.0);
		assertThat(second.dbPoolPending()).isEqualTo(3.0);
		// 10 acquisitions took 0.05 s together
		assertThat(second.dbPoolAcquireMs()).isEqualTo(5.0);
		// per partition: 4 + 6 (the client-level 6 and the NaN are not added again)
		assertThat(second.kafkaConsumerLag()).isEqualTo(10.0);
		// 30 page requests; the scrape of /actuator/prometheus is not the load's
		assertThat(second.requestsPerSecond()).isEqualTo(30.0);
	}

	@Test
	void aComponentWithoutADatabaseOrKafkaHasNoSuchValues() {
		PrometheusText before = PrometheusText.parse("jvm_gc_pause_seconds_sum{gc=\"Copy\"} 1.0\n");
		PrometheusText after = PrometheusText.parse("jvm_gc_pause_seconds_sum{gc=\"Copy\"} 1.1\n");
		MetricSeries.MetricSample second = JvmMetrics.between(1, before, after, 2.0);
		assertThat(second.gcPauseMsPerSecond()).isEqualTo(50.0);
		assertThat(second.dbPoolPending()).isNull();
		assertThat(second.dbPoolAcquireMs()).isNull();
		assertThat(second.kafkaConsumerLag()).isNull();
		assertThat(second.requestsPerSecond()).isNull();
	}

}
