package com.blueprintshop.perflab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.blueprintshop.perflab.report.Format.esc;
import static com.blueprintshop.perflab.report.Format.num;
import static com.blueprintshop.perflab.report.Format.sig;

/**
 * Charts as inline SVG, drawn from the numbers alone so that the report is one file that opens
 * anywhere without a script: line charts over a numeric x axis and bar charts over categories, each
 * with labelled axes and an HTML legend under it.
 */
final class Svg {

	static final int WIDTH = 760;

	static final int HEIGHT = 300;

	private static final int LEFT = 72;

	private static final int RIGHT = 20;

	private static final int TOP = 18;

	private static final int BOTTOM = 48;

	private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

	private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

	/** Tableau 10: told apart by most readers, colour-blind ones included. */
	private static final String[] PALETTE = { "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
			"#b07aa1", "#ff9da7", "#9c755f", "#bab0ac" };

	private Svg() {
	}

	static String color(int index) {
		return PALETTE[index % PALETTE.length];
	}

	/** Whether a spread of values reads better on a logarithmic axis (more than two decades apart). */
	static boolean wantsLog(List<Double> values) {
		double min = values.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue).min()
			.orElse(1);
		double max = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
		return max / min > 100;
	}

	enum Kind {

		LINE, DASHED, POINTS

	}

	record Series(String name, double[] xs, double[] ys, Kind kind, String color) {
	}

	private record Rule(double value, String label) {
	}

	/** A line chart over a numeric x axis. */
	static final class Lines {

		private final String title;

		private final String xLabel;

		private final String yLabel;

		private final List<Series> series = new ArrayList<>();

		private final List<Rule> xRules = new ArrayList<>();

		private final List<Rule> yRules = new ArrayList<>();

		private boolean log;

		private double shadeFrom = Double.NaN;

		private double shadeTo = Double.NaN;

		private String shadeLabel;

		Lines(String title, String xLabel, String yLabel) {
			this.title = title;
			this.xLabel = xLabel;
			this.yLabel = yLabel;
		}

		Lines log(boolean log) {
			this.log = log;
			return this;
		}

		Lines add(String name, double[] xs, double[] ys, Kind kind) {
			this.series.add(new Series(name, xs, ys, kind, color(this.series.size())));
			return this;
		}

		Lines line(String name, double[] xs, double[] ys) {
			return add(name, xs, ys, Kind.LINE);
		}

		/** A vertical marker, e.g. the knee of a sweep. */
		Lines xRule(double x, String label) {
			if (Double.isFinite(x)) {
				this.xRules.add(new Rule(x, label));
			}
			return this;
		}

		/** A horizontal marker, e.g. an SLO or the machine's capacity. */
		Lines yRule(double y, String label) {
			if (Double.isFinite(y)) {
				this.yRules.add(new Rule(y, label));
			}
			return this;
		}

		/** A shaded band along x, e.g. the warm-up. */
		Lines shade(double from, double to, String label) {
			if (to > from) {
				this.shadeFrom = from;
				this.shadeTo = to;
				this.shadeLabel = label;
			}
			return this;
		}

		boolean hasData() {
			for (Series s : this.series) {
				for (int i = 0; i < s.xs().length; i++) {
					if (drawable(s.xs()[i], s.ys()[i])) {
						return true;
					}
				}
			}
			return false;
		}

		private boolean drawable(double x, double y) {
			return Double.isFinite(x) && Double.isFinite(y) && (!this.log || y > 0);
		}

		String html() {
			double xMin = Double.POSITIVE_INFINITY;
			double xMax = Double.NEGATIVE_INFINITY;
			double yMin = Double.POSITIVE_INFINITY;
			double yMax = Double.NEGATIVE_INFINITY;
			for (Series s : this.series) {
				for (int i = 0; i < s.xs().length; i++) {
					if (drawable(s.xs()[i], s.ys()[i])) {
						xMin = Math.min(xMin, s.xs()[i]);
						xMax = Math.max(xMax, s.xs()[i]);
						yMin = Math.min(yMin, s.ys()[i]);
						yMax = Math.max(yMax, s.ys()[i]);
					}
				}
			}
			for (Rule rule : this.xRules) {
				xMin = Math.min(xMin, rule.value());
				xMax = Math.max(xMax, rule.value());
			}
			for (Rule rule : this.yRules) {
				if (!this.log || rule.value() > 0) {
					yMin = Math.min(yMin, rule.value());
					yMax = Math.max(yMax, rule.value());
				}
			}
			if (!Double.isNaN(this.shadeFrom)) {
				xMin = Math.min(xMin, this.shadeFrom);
				xMax = Math.max(xMax, this.shadeTo);
			}
			Axis x = Axis.linear(xMin, xMax, false);
			Axis y = this.log ? Axis.logarithmic(yMin, yMax) : Axis.linear(Math.min(0, yMin), yMax, true);

			StringBuilder svg = open(this.title);
			if (!Double.isNaN(this.shadeFrom)) {
				double x0 = px(x, this.shadeFrom);
				double x1 = px(x, this.shadeTo);
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#efefef\"/>", x0, TOP, x1 - x0,
						PLOT_HEIGHT));
				svg.append(text(x0 + 4, TOP + PLOT_HEIGHT - 6, "start", "shade-label", this.shadeLabel));
			}
			axes(svg, x, y, this.xLabel, this.yLabel);
			for (Rule rule : this.yRules) {
				if (this.log && rule.value() <= 0) {
					continue;
				}
				double py = py(y, rule.value());
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"rule\"/>", LEFT, py, LEFT + PLOT_WIDTH,
						py));
				svg.append(text(LEFT + PLOT_WIDTH - 4, py - 4, "end", "rule-label", rule.label()));
			}
			for (int i = 0; i < this.xRules.size(); i++) {
				Rule rule = this.xRules.get(i);
				double px = px(x, rule.value());
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"rule\"/>", px, TOP, px,
						TOP + PLOT_HEIGHT));
				// staggered, so that two markers close together stay readable
				svg.append(text(px + 4, TOP + PLOT_HEIGHT - 24 - 14 * i, "start", "rule-label", rule.label()));
			}
			for (Series s : this.series) {
				series(svg, s, x, y);
			}
			svg.append("</svg>\n");
			return svg.append(legend(this.series)).toString();
		}

		private void series(StringBuilder svg, Series s, Axis x, Axis y) {
			String name = esc(s.name());
			if (s.kind() == Kind.POINTS) {
				svg.append("<g fill=\"").append(s.color()).append("\">");
				for (int i = 0; i < s.xs().length; i++) {
					if (drawable(s.xs()[i], s.ys()[i])) {
						svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\">",
								px(x, s.xs()[i]), py(y, s.ys()[i])))
							.append("<title>")
							.append(name)
							.append(": ")
							.append(esc(num(s.xs()[i])))
							.append(", ")
							.append(esc(num(s.ys()[i])))
							.append("</title></circle>");
					}
				}
				svg.append("</g>\n");
				return;
			}
			StringBuilder path = new StringBuilder();
			List<double[]> lonely = new ArrayList<>();
			int inSegment = 0;
			double lastX = 0;
			double lastY = 0;
			for (int i = 0; i <= s.xs().length; i++) {
				boolean ok = i < s.xs().length && drawable(s.xs()[i], s.ys()[i]);
				if (!ok) {
					if (inSegment == 1) {
						lonely.add(new double[] { lastX, lastY });
					}
					inSegment = 0;
					continue;
				}
				lastX = px(x, s.xs()[i]);
				lastY = py(y, s.ys()[i]);
				path.append((inSegment == 0) ? "M" : "L")
					.append(String.format(Locale.ROOT, "%.1f %.1f ", lastX, lastY));
				inSegment++;
			}
			svg.append("<g><title>").append(name).append("</title>");
			if (!path.isEmpty()) {
				svg.append("<path d=\"")
					.append(path.toString().trim())
					.append("\" fill=\"none\" stroke=\"")
					.append(s.color())
					.append("\" stroke-width=\"1.8\"")
					.append((s.kind() == Kind.DASHED) ? " stroke-dasharray=\"6 4\"" : "")
					.append("/>");
			}
			for (double[] point : lonely) {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"/>",
						point[0], point[1], s.color()));
			}
			svg.append("</g>\n");
		}

	}

	/** Bars over categories, each labelled with its value. */
	static final class Bars {

		private final String title;

		private final String xLabel;

		private final String yLabel;

		private final List<String> labels = new ArrayList<>();

		private final List<Double> values = new ArrayList<>();

		private boolean log;

		Bars(String title, String xLabel, String yLabel) {
			this.title = title;
			this.xLabel = xLabel;
			this.yLabel = yLabel;
		}

		Bars bar(String label, double value) {
			this.labels.add(label);
			this.values.add(value);
			return this;
		}

		Bars log(boolean log) {
			this.log = log;
			return this;
		}

		String html() {
			double max = this.values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max()
				.orElse(1);
			double min = this.values.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue)
				.min().orElse(1);
			Axis y = this.log ? Axis.logarithmic(min, max) : Axis.linear(0, max, true);
			Axis x = Axis.categories(this.labels);
			StringBuilder svg = open(this.title);
			axes(svg, x, y, this.xLabel, this.yLabel);
			double slot = PLOT_WIDTH / (double) Math.max(1, this.labels.size());
			for (int i = 0; i < this.values.size(); i++) {
				double value = this.values.get(i);
				if (!Double.isFinite(value) || (this.log && value <= 0)) {
					continue;
				}
				double top = py(y, value);
				double base = py(y, this.log ? y.min() : 0);
				double left = LEFT + slot * i + slot * 0.2;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
						left, top, slot * 0.6, Math.max(0, base - top), color(0), esc(this.labels.get(i)),
						esc(num(value))));
				svg.append(text(left + slot * 0.3, top - 4, "middle", "value", num(value)));
			}
			svg.append("</svg>\n");
			return svg.toString();
		}

	}

	/** An axis: a domain, its ticks and how a value maps onto {@code [0, 1]}. */
	private record Axis(double min, double max, boolean log, List<Double> ticks, List<String> categories) {

		static Axis linear(double min, double max, boolean fromZero) {
			if (!Double.isFinite(min) || !Double.isFinite(max)) {
				min = 0;
				max = 1;
			}
			if (max <= min) {
				double pad = (min == 0) ? 1 : Math.abs(min) * 0.1;
				min = fromZero ? Math.min(0, min) : min - pad;
				max = max + pad;
			}
			double step = niceStep((max - min) / 5);
			double first = Math.floor(min / step) * step;
			double last = fromZero ? Math.ceil(max / step) * step : max;
			if (!fromZero) {
				first = min;
			}
			List<Double> ticks = new ArrayList<>();
			for (double t = Math.ceil(first / step) * step; t <= last + step * 1e-9; t += step) {
				ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
			}
			return new Axis(first, last, false, ticks, null);
		}

		static Axis logarithmic(double min, double max) {
			if (!(min > 0) || !Double.isFinite(max)) {
				min = 1;
				max = 10;
			}
			double lo = Math.pow(10, Math.floor(Math.log10(min)));
			double hi = Math.pow(10, Math.ceil(Math.log10(max)));
			if (hi <= lo) {
				hi = lo * 10;
			}
			List<Double> ticks = new ArrayList<>();
			boolean few = Math.log10(hi / lo) <= 2;
			for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
				ticks.add(decade);
				if (few && decade * 2 < hi) {
					ticks.add(decade * 2);
					ticks.add(decade * 5);
				}
			}
			return new Axis(lo, hi, true, ticks, null);
		}

		static Axis categories(List<String> labels) {
			return new Axis(0, labels.size(), false, List.of(), List.copyOf(labels));
		}

		double fraction(double value) {
			if (this.log) {
				return (Math.log10(value) - Math.log10(this.min)) / (Math.log10(this.max) - Math.log10(this.min));
			}
			return (value - this.min) / (this.max - this.min);
		}

		private static double niceStep(double rough) {
			if (!(rough > 0)) {
				return 1;
			}
			double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
			double residual = rough / magnitude;
			double nice = (residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10;
			return nice * magnitude;
		}

	}

	private static double px(Axis x, double value) {
		return LEFT + x.fraction(value) * PLOT_WIDTH;
	}

	private static double py(Axis y, double value) {
		return TOP + (1 - y.fraction(value)) * PLOT_HEIGHT;
	}

	private static StringBuilder open(String title) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(HEIGHT)
			.append("\" role=\"img\" aria-label=\"")
			.append(esc(title))
			.append("\"><title>")
			.append(esc(title))
			.append("</title>\n");
		return svg;
	}

	private static void axes(StringBuilder svg, Axis x, Axis y, String xLabel, String yLabel) {
		for (double tick : y.ticks()) {
			double py = py(y, tick);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
					LEFT, py, LEFT + PLOT_WIDTH, py));
			svg.append(text(LEFT - 6, py + 4, "end", "tick", sig(tick)));
		}
		if (x.categories() != null) {
			double slot = PLOT_WIDTH / (double) Math.max(1, x.categories().size());
			for (int i = 0; i < x.categories().size(); i++) {
				svg.append(text(LEFT + slot * (i + 0.5), TOP + PLOT_HEIGHT + 16, "middle", "tick",
						x.categories().get(i)));
			}
		}
		else {
			for (double tick : x.ticks()) {
				double px = px(x, tick);
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"tickmark\"/>", px, TOP + PLOT_HEIGHT,
						px, TOP + PLOT_HEIGHT + 5));
				svg.append(text(px, TOP + PLOT_HEIGHT + 18, "middle", "tick", sig(tick)));
			}
		}
		svg.append(String.format(Locale.ROOT,
				"<path d=\"M%d %d V%d H%d\" class=\"axis\" fill=\"none\"/>", LEFT, TOP, TOP + PLOT_HEIGHT,
				LEFT + PLOT_WIDTH));
		svg.append(text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 8, "middle", "axis-label", xLabel));
		svg.append(String.format(Locale.ROOT,
				"<text transform=\"translate(16 %.1f) rotate(-90)\" text-anchor=\"middle\" class=\"axis-label\">%s</text>",
				TOP + PLOT_HEIGHT / 2.0, esc(yLabel + (y.log() ? " — log scale" : ""))));
	}

	private static String text(double x, double y, String anchor, String cssClass, String content) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>", x, y,
				anchor, cssClass, esc(content));
	}

	private static String legend(List<Series> series) {
		StringBuilder html = new StringBuilder("<ul class=\"legend\">");
		for (Series s : series) {
			String swatch = switch (s.kind()) {
				case LINE -> "border-top:3px solid " + s.color();
				case DASHED -> "border-top:3px dashed " + s.color();
				case POINTS -> "background:" + s.color() + ";border-radius:50%;height:9px;width:9px";
			};
			html.append("<li><span class=\"swatch\" style=\"").append(swatch).append("\"></span>")
				.append(esc(s.name())).append("</li>");
		}
		return html.append("</ul>\n").toString();
	}

}
