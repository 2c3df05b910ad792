package com.blueprintshop.perflab.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.blueprintshop.perflab.model.MetricSeries;

/** Scrapes every JVM component's {@code /actuator/prometheus} once a second, all at once. */
public final class MetricsSampler {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(800)).build();

	private final Map<String, Tracked> tracked = new LinkedHashMap<>();

	public void track(String component, int port) {
		this.tracked.put(component, new Tracked(component, URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")));
	}

	public void sample(double t, long nowMillis) {
		Map<Tracked, CompletableFuture<HttpResponse<String>>> scrapes = new LinkedHashMap<>();
		for (Tracked component : this.tracked.values()) {
			scrapes.put(component, this.client.sendAsync(
					HttpRequest.newBuilder(component.uri).timeout(Duration.ofMillis(900)).GET().build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		scrapes.forEach((component, scrape) -> {
			try {
				HttpResponse<String> response = scrape.get(950, TimeUnit.MILLISECONDS);
				if (response.statusCode() == 200) {
					component.add(t, nowMillis, PrometheusText.parse(response.body()));
				}
			}
			catch (Exception ex) {
				// a component that did not answer in time has no sample for this second
				scrape.cancel(true);
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
			}
		});
	}

	public synchronized List<MetricSeries> series() {
		List<MetricSeries> series = new ArrayList<>();
		this.tracked.values().forEach((c) -> series.add(new MetricSeries(c.component, c.samples())));
		return series;
	}

	private static final class Tracked {

		final String component;

		final URI uri;

		private final List<MetricSeries.MetricSample> samples = new ArrayList<>();

		private PrometheusText last;

		private long lastMillis;

		Tracked(String component, URI uri) {
			this.component = component;
			this.uri = uri;
		}

		synchronized void add(double t, long nowMillis, PrometheusText now) {
			if (this.last != null && nowMillis > this.lastMillis) {
				this.samples.add(JvmMetrics.between(t, this.last, now, (nowMillis - this.lastMillis) / 1000.0));
			}
			this.last = now;
			this.lastMillis = nowMillis;
		}

		synchronized List<MetricSeries.MetricSample> samples() {
			return List.copyOf(this.samples);
		}

	}

}
