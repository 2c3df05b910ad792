package com.blueprintshop.perflab.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkOutputTests {

	static final String OUTPUT = """
			Running 10s test @ https://localhost:8443/static/js/suggest-0123456789abcdef0123456789abcdef.js
			  2 threads and 64 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     1.52ms    1.10ms  30.12ms   91.40%
			    Req/Sec    21.40k     2.10k   25.60k    71.00%
			  Latency Distribution
			     50%    1.28ms
			     75%    1.70ms
			     90%    2.41ms
			     99%    5.93ms
			  425912 requests in 10.01s, 812.45MB read
			  Socket errors: connect 0, read 2, write 0, timeout 1
			Requests/sec:  42549.36
			Transfer/sec:     81.17MB
			""";

	@Test
	void readsThroughputTheP99AndTheErrors() {
		WrkOutput result = WrkOutput.parse(OUTPUT);
		assertThat(result.requestsPerSecond()).isEqualTo(42549.36);
		assertThat(result.p99Ms()).isEqualTo(5.93);
		assertThat(result.errors()).isEqualTo(3);
	}

	@Test
	void aP99InSecondsOrMicrosecondsIsInMilliseconds() {
		assertThat(WrkOutput.parse(OUTPUT.replace("99%    5.93ms", "99%    1.20s")).p99Ms()).isEqualTo(1200);
		assertThat(WrkOutput.parse(OUTPUT.replace("99%    5.93ms", "99%  950.00us")).p99Ms()).isEqualTo(0.95);
	}

}
