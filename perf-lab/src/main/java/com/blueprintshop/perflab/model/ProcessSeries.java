package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * @param component the component's name in the run (e.g. {@code catalog}, {@code postgres}, or
 * {@code load-generator})
 * @param pid its main process (samples add up its children: PostgreSQL's backends, nginx's workers)
 * @param samples one a second
 */
public record ProcessSeries(String component, long pid, List<ProcessSample> samples) {

	/**
	 * @param t seconds since the run's start
	 * @param cpuPercent CPU used in the last second, in percent of one core (200 = both of two cores)
	 * @param rssMiB resident memory now
	 */
	public record ProcessSample(double t, double cpuPercent, double rssMiB) {
	}

}
