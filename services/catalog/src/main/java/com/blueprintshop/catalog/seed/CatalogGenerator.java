package com.blueprintshop.catalog.seed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import com.blueprintshop.catalog.image.Images;
import com.blueprintshop.catalog.seed.Taxonomy.Department;
import com.blueprintshop.catalog.seed.Taxonomy.Leaf;
import com.blueprintshop.catalog.system.Slugs;

/**
 * Makes the demo catalog from a seed. Product {@code i} is drawn from its own random stream
 * (seed and {@code i}), so the first products are the same whatever the count; only slugs look
 * back, to stay unique. Times are relative to {@code now}; everything else depends on the seed
 * alone.
 */
final class CatalogGenerator {

	/** The product the tests and the end-to-end suite search for (also with the typo "hedphones"). */
	static final String ANCHOR_NAME = "Studio Wireless Headphones";

	static final String ANCHOR_CATEGORY = "headphones";

	/**
	 * Says "headphones" often enough that the product ranks first for that word (ts_rank_cd adds
	 * up the occurrences), so the suites find it on the first page of results.
	 */
	private static final String ANCHOR_DESCRIPTION = "Studio Wireless Headphones are closed-back studio headphones "
			+ "without the cable. As headphones for mixing they are tuned flat through 40 mm drivers; as travel "
			+ "headphones they fold flat, last 30 hours on a charge and keep their memory-foam cushions comfortable "
			+ "on long flights. Wireless headphones that switch to a cable when latency matters.";

	/** Appended in turn when a drawn name was drawn before, so that no two products share a name. */
	private static final List<String> EDITIONS = List.of("II", "Plus", "Mini", "Pro", "Max", "Lite", "III", "SE",
			"Air", "Edition 2", "Go", "One");

	private static final Duration SPREAD = Duration.ofDays(365);

	private final long seed;

	CatalogGenerator(long seed) {
		this.seed = seed;
	}

	/** Departments with their categories, in tree order; ids depend on the slug only. */
	List<SeedCategory> categories() {
		List<SeedCategory> categories = new ArrayList<>();
		int departmentPosition = 0;
		for (Department department : Taxonomy.DEPARTMENTS) {
			UUID departmentId = categoryId(department.slug());
			categories.add(new SeedCategory(departmentId, null, department.slug(), department.name(),
					department.description(), departmentPosition++));
			int leafPosition = 0;
			for (Leaf leaf : department.leaves()) {
				categories.add(new SeedCategory(categoryId(leaf.slug()), departmentId, leaf.slug(), leaf.name(),
						leaf.description(), leafPosition++));
			}
		}
		return categories;
	}

	/** The first {@code count} products, slugs made unique in order. */
	List<SeedProduct> products(int count, Instant now) {
		List<Placed> leaves = new ArrayList<>();
		for (Department department : Taxonomy.DEPARTMENTS) {
			for (Leaf leaf : department.leaves()) {
				leaves.add(new Placed(department, leaf));
			}
		}
		Map<String, Integer> nameUses = new HashMap<>();
		Map<String, Integer> slugUses = new HashMap<>();
		List<SeedProduct> products = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			products.add(product(i, leaves, nameUses, slugUses, now));
		}
		return products;
	}

	private SeedProduct product(int index, List<Placed> leaves, Map<String, Integer> nameUses,
			Map<String, Integer> slugUses, Instant now) {
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + index);
		boolean anchor = index == 0;
		Placed placed = anchor ? leaves.stream().filter((p) -> p.leaf().slug().equals(ANCHOR_CATEGORY)).findFirst()
			.orElseThrow() : leaves.get(random.nextInt(leaves.size()));
		Department department = placed.department();
		Leaf leaf = placed.leaf();
		Name name = anchor ? new Name(ANCHOR_NAME, "Wireless", "Headphones") : name(department, leaf, random);
		name = unique(name, nameUses);
		String description = anchor ? ANCHOR_DESCRIPTION : description(name, department, leaf, random);
		BigDecimal price = price(leaf, random);
		Instant createdAt = now.minusSeconds(random.nextLong(SPREAD.toSeconds())).truncatedTo(ChronoUnit.SECONDS);
		Instant updatedAt = createdAt.plusSeconds(random.nextLong(Duration.ofDays(30).toSeconds()));
		if (updatedAt.isAfter(now)) {
			updatedAt = createdAt;
		}
		UUID id = uuid(random);
		String slug = uniqueSlug(Slugs.slugify(name.text(), 130), slugUses);
		List<SeedSku> skus = skus(index, department, leaf, price, random);
		int imageCount = (random.nextInt(10) < 7) ? 1 : 2;
		List<SeedImage> images = new ArrayList<>(imageCount);
		for (int view = 0; view < imageCount; view++) {
			byte[] svg = SvgArt.draw(name.text(), view, random);
			images.add(new SeedImage(uuid(random), view, svg, Images.sha256(svg),
					(view == 0) ? name.text() : name.text() + ", second view"));
		}
		boolean featured = anchor || random.nextInt(100) < 5;
		return new SeedProduct(id, slug, name.text(), description, leaf.slug(), price, featured, createdAt, updatedAt,
				skus, images);
	}

	/**
	 * "Walnut Pour-Over Coffee Kettle", "Studio Walnut Headphones", "Auren Studio Headphones": an
	 * adjective and a material (either order) or a maker and an adjective, then the noun.
	 */
	private static Name name(Department department, Leaf leaf, SplittableRandom random) {
		String adjective = pick(leaf.adjectives(), random);
		String material = pick(leaf.materials(), random);
		String noun = pick(leaf.nouns(), random);
		int pattern = random.nextInt(100);
		if (material.equalsIgnoreCase(adjective)) {
			pattern = 99;
		}
		String text;
		if (pattern < 45) {
			text = adjective + " " + material + " " + noun;
		}
		else if (pattern < 80) {
			text = material + " " + adjective + " " + noun;
		}
		else {
			text = pick(department.brands(), random) + " " + adjective + " " + noun;
		}
		return new Name(text, (pattern < 80) ? material : null, noun);
	}

	private static String description(Name name, Department department, Leaf leaf, SplittableRandom random) {
		String feature = pick(department.features(), random);
		String use = pick(department.uses(), random);
		String noun = name.noun().toLowerCase(Locale.ROOT);
		List<String> sentences = new ArrayList<>(4);
		sentences.add(switch (random.nextInt(3)) {
			case 0 -> "The " + name.text() + " is made for " + use + ".";
			case 1 -> "Meet the " + name.text() + ": " + article(noun) + " " + noun + " with " + feature + ".";
			default -> "Built around " + feature + ", the " + name.text() + " is ready for " + use + ".";
		});
		Set<Integer> extras = new LinkedHashSet<>();
		int wanted = 1 + random.nextInt(3);
		while (extras.size() < wanted) {
			extras.add(random.nextInt(6));
		}
		for (int extra : extras) {
			sentences.add(switch (extra) {
				case 0 -> (name.material() != null)
						? "The " + name.material().toLowerCase(Locale.ROOT)
								+ " is chosen to age well and to look better with use."
						: "Its materials are chosen to age well and to look better with use.";
				case 1 -> "It also brings " + otherThan(department.features(), feature, random) + ".";
				case 2 -> "Designed in " + pick(Taxonomy.CITIES, random) + " and tested for years of everyday use.";
				case 3 -> "Every piece is inspected by hand before it leaves the workshop.";
				case 4 -> "It comes with a " + (2 + random.nextInt(4)) + "-year warranty and free returns within 30 days.";
				default -> "It pairs well with the rest of our " + leaf.name().toLowerCase(Locale.ROOT) + " range.";
			});
		}
		return String.join(" ", sentences);
	}

	/**
	 * Log-uniform between the category's bounds (cheap things are more common than dear ones),
	 * ending in .99 or .49 the way shops price.
	 */
	private static BigDecimal price(Leaf leaf, SplittableRandom random) {
		double raw = Math.exp(random.nextDouble(Math.log(leaf.minPrice()), Math.log(leaf.maxPrice() + 1)));
		long whole = (raw >= 100) ? Math.round(raw / 10) * 10 - 1 : (long) raw;
		whole = Math.max(1, Math.min(whole, leaf.maxPrice()));
		String cents = (random.nextInt(10) < 7) ? ".99" : ".49";
		return new BigDecimal(whole + cents);
	}

	private static List<SeedSku> skus(int index, Department department, Leaf leaf, BigDecimal price,
			SplittableRandom random) {
		List<String> colours = leaf.colours().isEmpty() ? department.colours() : leaf.colours();
		List<String> sizes = leaf.sizes();
		int wanted = 1 + random.nextInt(3);
		List<SeedSku> skus = new ArrayList<>(wanted);
		Set<String> used = new LinkedHashSet<>();
		boolean bySize = !sizes.isEmpty() && random.nextBoolean();
		String colour = pick(colours, random);
		int attempts = 0;
		while (skus.size() < wanted && attempts++ < 20) {
			String size = null;
			String variantColour = colour;
			BigDecimal override = null;
			if (bySize) {
				int sizeIndex = random.nextInt(sizes.size());
				size = sizes.get(sizeIndex);
				if (sizeIndex > 0) {
					// larger sizes cost more, still ending in .99
					long more = price.multiply(BigDecimal.valueOf(1 + 0.15 * sizeIndex)).longValue();
					override = new BigDecimal(more + ".99");
				}
			}
			else {
				variantColour = pick(colours, random);
			}
			if (used.add(size + "|" + variantColour)) {
				String code = String.format(Locale.ROOT, "BP%06d-%d", index, skus.size() + 1);
				skus.add(new SeedSku(code, size, variantColour, override, skus.size()));
			}
		}
		return skus;
	}

	private static Name unique(Name name, Map<String, Integer> uses) {
		int n = uses.merge(name.text(), 1, Integer::sum);
		if (n == 1) {
			return name;
		}
		int edition = n - 2;
		String suffix = (edition < EDITIONS.size()) ? EDITIONS.get(edition) : String.valueOf(n);
		return new Name(name.text() + " " + suffix, name.material(), name.noun());
	}

	private static String uniqueSlug(String base, Map<String, Integer> uses) {
		int n = uses.merge(base, 1, Integer::sum);
		return (n == 1) ? base : base + "-" + n;
	}

	private static String article(String word) {
		return ("aeiou".indexOf(word.charAt(0)) >= 0) ? "an" : "a";
	}

	private static String otherThan(List<String> choices, String taken, SplittableRandom random) {
		String choice = pick(choices, random);
		return choice.equals(taken) ? choices.get((choices.indexOf(choice) + 1) % choices.size()) : choice;
	}

	private static <T> T pick(List<T> choices, SplittableRandom random) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** A version 4 (random) UUID, but from the seeded stream. */
	private static UUID uuid(SplittableRandom random) {
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

	static UUID categoryId(String slug) {
		return UUID.nameUUIDFromBytes(("blueprint-shop:category:" + slug).getBytes(StandardCharsets.UTF_8));
	}

	private record Placed(Department department, Leaf leaf) {
	}

	/** A product name with the parts a description refers to (no material when a maker is named). */
	private record Name(String text, String material, String noun) {
	}

	record SeedCategory(UUID id, UUID parentId, String slug, String name, String description, int position) {
	}

	record SeedProduct(UUID id, String slug, String name, String description, String categorySlug, BigDecimal price,
			boolean featured, Instant createdAt, Instant updatedAt, List<SeedSku> skus, List<SeedImage> images) {
	}

	record SeedSku(String code, String size, String colour, BigDecimal priceOverride, int position) {
	}

	record SeedImage(UUID id, int position, byte[] svg, String sha256, String alt) {
	}

}
