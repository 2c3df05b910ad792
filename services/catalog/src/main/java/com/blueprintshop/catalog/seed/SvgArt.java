package com.blueprintshop.catalog.seed;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Product pictures drawn by code: a background colour and shapes drawn from the product's own
 * random stream, and its initials. About 1 KB each, no download, the same seed draws the same
 * picture. Only attributes, no script, style elements or external references, so the strict
 * Content-Security-Policy the images are served with changes nothing.
 */
final class SvgArt {

	private static final int SIZE = 400;

	private SvgArt() {
	}

	static byte[] draw(String name, int view, SplittableRandom random) {
		int hue = random.nextInt(360);
		String background = hsl(hue, 35 + random.nextInt(25), 40 + random.nextInt(15));
		String accent = hsl((hue + 150 + random.nextInt(60)) % 360, 55, 65);
		String light = hsl(hue, 40, 85);
		StringBuilder svg = new StringBuilder(1100);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\" width=\"400\" height=\"400\">")
			.append("<rect width=\"400\" height=\"400\" fill=\"")
			.append(background)
			.append("\"/>");
		if (view == 0) {
			for (int i = 0; i < 3; i++) {
				svg.append("<circle cx=\"")
					.append(random.nextInt(SIZE))
					.append("\" cy=\"")
					.append(random.nextInt(SIZE))
					.append("\" r=\"")
					.append(40 + random.nextInt(110))
					.append("\" fill=\"")
					.append((i % 2 == 0) ? accent : light)
					.append("\" fill-opacity=\"0.")
					.append(2 + random.nextInt(4))
					.append("\"/>");
			}
			svg.append("<rect x=\"")
				.append(60 + random.nextInt(80))
				.append("\" y=\"")
				.append(60 + random.nextInt(80))
				.append("\" width=\"")
				.append(120 + random.nextInt(100))
				.append("\" height=\"")
				.append(120 + random.nextInt(100))
				.append("\" rx=\"")
				.append(random.nextInt(40))
				.append("\" fill=\"none\" stroke=\"")
				.append(light)
				.append("\" stroke-width=\"6\" transform=\"rotate(")
				.append(random.nextInt(-20, 21))
				.append(" 200 200)\"/>");
		}
		else {
			int stripes = 3 + random.nextInt(4);
			for (int i = 0; i < stripes; i++) {
				int y = i * SIZE / stripes;
				svg.append("<path d=\"M0 ")
					.append(y + random.nextInt(30))
					.append(" Q200 ")
					.append(y + random.nextInt(-40, 80))
					.append(" 400 ")
					.append(y + random.nextInt(30))
					.append(" V400 H0 Z\" fill=\"")
					.append((i % 2 == 0) ? accent : light)
					.append("\" fill-opacity=\"0.")
					.append(1 + random.nextInt(3))
					.append("\"/>");
			}
		}
		svg.append("<text x=\"200\" y=\"242\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"120\"")
			.append(" font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\" fill-opacity=\"0.92\">")
			.append(initials(name))
			.append("</text></svg>");
		return svg.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Up to three capitals from the name's words: "Studio Wireless Headphones" is "SWH". */
	static String initials(String name) {
		StringBuilder initials = new StringBuilder(3);
		for (String word : name.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && initials.length() < 3) {
				char first = Character.toUpperCase(word.charAt(0));
				// only plain letters and digits: nothing in the picture needs escaping
				if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) {
					initials.append(first);
				}
			}
		}
		return initials.isEmpty() ? "BP" : initials.toString();
	}

	private static String hsl(int hue, int saturation, int lightness) {
		double s = saturation / 100.0;
		double l = lightness / 100.0;
		double c = (1 - Math.abs(2 * l - 1)) * s;
		double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
		double m = l - c / 2;
		double[] rgb = switch (hue / 60) {
			case 0 -> new double[] { c, x, 0 };
			case 1 -> new double[] { x, c, 0 };
			case 2 -> new double[] { 0, c, x };
			case 3 -> new double[] { 0, x, c };
			case 4 -> new double[] { x, 0, c };
			default -> new double[] { c, 0, x };
		};
		return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((rgb[0] + m) * 255),
				Math.round((rgb[1] + m) * 255), Math.round((rgb[2] + m) * 255));
	}

}
