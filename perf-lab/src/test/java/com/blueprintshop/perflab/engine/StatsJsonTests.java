package com.blueprintshop.perflab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsJsonTests {

	@Test
	void readsGatlingsStatisticsScriptAsItsReportWritesIt() throws URISyntaxException {
		Map<String, StatsJson.Figures> figures = StatsJson
			.read(Path.of(getClass().getResource("/fixtures/gatling-3.13.5-stats.js").toURI()));
		assertThat(figures).containsKeys(StatsJson.ALL, "home", "category page", "product page", "search");
		StatsJson.Figures all = figures.get(StatsJson.ALL);
		assertThat(all.count()).isEqualTo(96);
		assertThat(all.ok()).isEqualTo(96);
		assertThat(all.ko()).isZero();
		assertThat(all.p50Ms()).isEqualTo(176);
		assertThat(all.p90Ms()).isEqualTo(779);
		assertThat(all.maxMs()).isEqualTo(1438);
		assertThat(all.rps()).isEqualTo(6.86);
		assertThat(figures.get("home").count()).isEqualTo(16);
		double perRequest = figures.entrySet()
			.stream()
			.filter((e) -> !e.getKey().equals(StatsJson.ALL))
			.mapToDouble((e) -> e.getValue().count())
			.sum();
		assertThat(perRequest).isEqualTo(96);
	}

	@Test
	void theObjectEndsAtItsClosingBraceEvenWithBracesInStrings() {
		assertThat(StatsJson.objectLiteral("var stats = {a: \"}{\", b: {c: 1}}\nfunction f() { }"))
			.isEqualTo("{a: \"}{\", b: {c: 1}}");
	}

}
