package com.blueprintshop.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The component table that {@code up} ends with and {@code status} prints. */
final class Table {

	static final List<String> HEADERS = List.of("COMPONENT", "PID", "PORT", "URL", "STATE", "READY(s)");

	private Table() {
	}

	static List<String> row(ComponentState component, String state) {
		return List.of(component.name(), (component.pid() != null) ? component.pid().toString() : "-",
				String.join(",", component.ports().stream().map(String::valueOf).toList()), component.url(), state,
				(component.readySeconds() != null) ? String.format(Locale.ROOT, "%.1f", component.readySeconds()) : "-");
	}

	static String render(List<String> headers, List<List<String>> rows) {
		int[] widths = new int[headers.size()];
		List<List<String>> all = new ArrayList<>();
		all.add(headers);
		all.addAll(rows);
		for (List<String> row : all) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (List<String> row : all) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append(String.format("%-" + widths[i] + "s", row.get(i)));
				if (i < row.size() - 1) {
					line.append("  ");
				}
			}
			text.append(line.toString().stripTrailing()).append(System.lineSeparator());
		}
		return text.toString();
	}

}
