package com.blueprintshop.perflab.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Prometheus text exposition format (version 0.0.4) as Micrometer writes it: one sample a
 * line, {@code name{label="value",…} value [timestamp]}, comments starting with {@code #}.
 */
public final class PrometheusText {

	private final List<Sample> samples;

	private PrometheusText(List<Sample> samples) {
		this.samples = samples;
	}

	public static PrometheusText parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String raw : text.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Sample sample = parseLine(line);
			if (sample != null) {
				samples.add(sample);
			}
		}
		return new PrometheusText(samples);
	}

	static Sample parseLine(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		String name;
		Map<String, String> labels = new LinkedHashMap<>();
		String rest;
		if (brace >= 0 && (space < 0 || brace < space)) {
			name = line.substring(0, brace);
			int end = parseLabels(line, brace + 1, labels);
			if (end < 0) {
				return null;
			}
			rest = line.substring(end + 1).strip();
		}
		else if (space > 0) {
			name = line.substring(0, space);
			rest = line.substring(space + 1).strip();
		}
		else {
			return null;
		}
		String value = rest.split("\\s+")[0];
		return new Sample(name, labels, number(value));
	}

	// label values are quoted, with \\, \" and \n escaped; returns the index of the closing brace
	private static int parseLabels(String line, int from, Map<String, String> labels) {
		int i = from;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c == '}') {
				return i;
			}
			if (c == ',' || c == ' ') {
				i++;
				continue;
			}
			int equals = line.indexOf('=', i);
			if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
				return -1;
			}
			String key = line.substring(i, equals).strip();
			StringBuilder value = new StringBuilder();
			int j = equals + 2;
			while (j < line.length() && line.charAt(j) != '"') {
				char v = line.charAt(j);
				if (v == '\\' && j + 1 < line.length()) {
					char next = line.charAt(++j);
					value.append((next == 'n') ? '\n' : next);
				}
				else {
					value.append(v);
				}
				j++;
			}
			labels.put(key, value.toString());
			i = j + 1;
		}
		return -1;
	}

	private static double number(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> Double.parseDouble(value);
		};
	}

	public List<Sample> samples() {
		return this.samples;
	}

	public boolean has(String name) {
		return this.samples.stream().anyMatch((s) -> s.name().equals(name));
	}

	/** The sum over every series of {@code name} that {@code which} accepts; NaN and infinite values left out. */
	public double sum(String name, Predicate<Map<String, String>> which) {
		return this.samples.stream()
			.filter((s) -> s.name().equals(name) && which.test(s.labels()) && Double.isFinite(s.value()))
			.mapToDouble(Sample::value)
			.sum();
	}

	public double sum(String name) {
		return sum(name, (labels) -> true);
	}

	public record Sample(String name, Map<String, String> labels, double value) {
	}

}
