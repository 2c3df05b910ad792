package com.blueprintshop.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.category.ActiveCategory;
import com.blueprintshop.catalog.category.Categories;
import com.blueprintshop.catalog.product.ProductQueries;
import com.blueprintshop.catalog.product.ProductSummary;
import com.blueprintshop.catalog.search.SearchResult.CategoryFacet;
import com.blueprintshop.catalog.search.SearchResult.Facets;
import com.blueprintshop.catalog.search.SearchResult.PriceFacet;
import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.CatalogProperties;
import com.blueprintshop.catalog.system.PageRequest;
import com.blueprintshop.catalog.system.Texts;

/**
 * Product search in PostgreSQL. Full text first: the query is parsed by
 * {@code websearch_to_tsquery} (quotes, {@code or}, {@code -word} work as on a web search engine),
 * matched against the weighted {@code search} column (GIN) and ranked by {@code ts_rank_cd}, so
 * a match in the name outranks one in the description. When that finds little, each word the
 * catalog's vocabulary does not know is replaced by its nearest known word (trigram similarity)
 * and, if the corrected query finds more, its results are shown with {@code didYouMean}. When
 * nothing is found at all, product names are matched by trigram word similarity, which forgives
 * typos a correction could not fix.
 *
 * <p>Every value from the request is a bind parameter; only fixed fragments chosen by code are
 * put together.
 */
@Service
@Transactional(readOnly = true)
public class ProductSearch {

	private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final List<PriceRange> PRICE_RANGES = List.of(new PriceRange("0", "25", "Under €25"),
			new PriceRange("25", "50", "€25 – €50"), new PriceRange("50", "100", "€50 – €100"),
			new PriceRange("100", "250", "€100 – €250"), new PriceRange("250", "500", "€250 – €500"),
			new PriceRange("500", null, "€500 and over"));

	private final JdbcClient jdbc;

	private final Categories categories;

	private final ProductQueries products;

	private final CatalogProperties.Search settings;

	ProductSearch(JdbcClient jdbc, Categories categories, ProductQueries products, CatalogProperties properties) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.products = products;
		this.settings = properties.search();
	}

	public SearchResult search(SearchQuery query, PageRequest page) {
		String text = Texts.searchable(query.text());
		Filters filters = filters(query);
		Matcher matcher = Matcher.fullText(text);
		long total = count(matcher, filters, true, true);
		String didYouMean = null;
		if (total < this.settings.correctBelow()) {
			Optional<String> corrected = correct(text);
			if (corrected.isPresent()) {
				Matcher correctedMatcher = Matcher.fullText(corrected.get());
				long correctedTotal = count(correctedMatcher, filters, true, true);
				if (correctedTotal > total) {
					matcher = correctedMatcher;
					total = correctedTotal;
					didYouMean = corrected.get();
				}
			}
		}
		if (total == 0) {
			String words = String.join(" ", words(text).stream().filter((w) -> w.length() >= 3).toList());
			if (!words.isEmpty()) {
				useWordSimilarityThreshold(this.settings.nameSimilarity());
				matcher = Matcher.nameSimilarity(words);
				total = count(matcher, filters, true, true);
			}
		}
		List<ProductSummary> items = (total > page.offset()) ? this.products.summaries(ids(matcher, filters, page))
				: List.of();
		Facets facets = (total > 0) ? new Facets(categoryFacet(matcher, filters), priceFacet(matcher, filters))
				: new Facets(List.of(), List.of());
		int totalPages = (int) ((total + page.size() - 1) / page.size());
		return new SearchResult(query.text(), items, page.page(), page.size(), total, totalPages, facets, didYouMean);
	}

	/**
	 * Distinct product names for a half-typed query: names that start with it, then names with a
	 * word that starts with it, then (when those are few) the same for the query with its last
	 * word completed from the vocabulary ("hedph" becomes "headphones"), then names that merely
	 * resemble it.
	 */
	public List<Suggestion> suggest(String q, int limit) {
		String text = Texts.searchable(q).toLowerCase(Locale.ROOT);
		if (text.isEmpty()) {
			return List.of();
		}
		useWordSimilarityThreshold(this.settings.suggestSimilarity());
		List<Candidate> candidates = candidates(text, limit, true);
		Map<String, Suggestion> suggestions = new LinkedHashMap<>();
		candidates.stream().filter((c) -> c.tier() < 2).forEach((c) -> suggestions.putIfAbsent(c.name(), c.suggestion()));
		if (suggestions.size() < limit) {
			completeLastWord(text).ifPresent((completed) -> candidates(completed, limit, false)
				.forEach((c) -> suggestions.putIfAbsent(c.name(), c.suggestion())));
		}
		candidates.stream().filter((c) -> c.tier() == 2).forEach((c) -> suggestions.putIfAbsent(c.name(), c.suggestion()));
		return suggestions.values().stream().limit(limit).toList();
	}

	private List<Candidate> candidates(String text, int limit, boolean resembling) {
		String escaped = escapeLike(text);
		String similar = resembling ? " or :q <% lower(p.name)" : "";
		return this.jdbc.sql("""
				select name, min(slug) as slug, min(tier) as tier from (
				    select p.name, p.slug,
				           case when lower(p.name) like :prefix then 0
				                when lower(p.name) like :wordPrefix then 1
				                else 2 end as tier,
				           word_similarity(:q, lower(p.name)) as similarity
				    from product p
				    where p.status = 'ACTIVE'
				      and (lower(p.name) like :prefix or lower(p.name) like :wordPrefix""" + similar + """
				)
				) as candidates
				group by name
				order by min(tier), max(similarity) desc, name
				limit :limit
				""")
			.param("q", text)
			.param("prefix", escaped + "%")
			.param("wordPrefix", "% " + escaped + "%")
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getString("name"), rs.getString("slug"), rs.getInt("tier")))
			.list();
	}

	/**
	 * The query with its last, perhaps unfinished and misspelt, word replaced by the vocabulary
	 * word whose beginning is most similar to it; empty when the word already begins a known word.
	 */
	private Optional<String> completeLastWord(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String last = words.getLast();
		if (last.length() < 3) {
			return Optional.empty();
		}
		boolean begun = this.jdbc.sql("select exists (select 1 from search_word where word like :prefix)")
			.param("prefix", escapeLike(last) + "%")
			.query(Boolean.class)
			.single();
		if (begun) {
			return Optional.empty();
		}
		// the vocabulary is small (hundreds of words): comparing with each word's beginning is cheap
		return this.jdbc.sql("""
				select word from search_word
				where similarity(left(word, length(:word) + 1), :word) >= :minimum
				order by similarity(left(word, length(:word) + 1), :word) desc, frequency desc, word
				limit 1
				""")
			.param("word", last)
			.param("minimum", this.settings.wordSimilarity())
			.query(String.class)
			.optional()
			.map((word) -> String.join(" ", words.subList(0, words.size() - 1)) + (words.size() > 1 ? " " : "") + word);
	}

	private record Candidate(String name, String slug, int tier) {

		Suggestion suggestion() {
			return new Suggestion(this.name, this.slug);
		}

	}

	/**
	 * The query with each word the vocabulary does not know replaced by its most similar known
	 * word, or empty when no word was replaced.
	 */
	Optional<String> correct(String text) {
		List<String> words = words(text);
		boolean changed = false;
		List<String> corrected = new ArrayList<>();
		for (String word : words) {
			String replacement = word;
			if (word.length() >= 3 && !word.chars().allMatch(Character::isDigit) && !known(word)) {
				replacement = nearestKnownWord(word).orElse(word);
			}
			changed |= !replacement.equals(word);
			corrected.add(replacement);
		}
		return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
	}

	private boolean known(String word) {
		return this.jdbc.sql("select exists (select 1 from search_word where word = :word)")
			.param("word", word)
			.query(Boolean.class)
			.single();
	}

	private Optional<String> nearestKnownWord(String word) {
		// "%" (similarity above pg_trgm.similarity_threshold, 0.3 by default) lets the trigram
		// index find the candidates; the configured minimum then applies
		return this.jdbc.sql("""
				select word from search_word
				where word % :word and similarity(word, :word) >= :minimum
				order by similarity(word, :word) desc, frequency desc, word
				limit 1
				""")
			.param("word", word)
			.param("minimum", this.settings.wordSimilarity())
			.query(String.class)
			.optional();
	}

	private void useWordSimilarityThreshold(double threshold) {
		this.jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
			.param("threshold", Double.toString(threshold))
			.query()
			.singleRow();
	}

	private Filters filters(SearchQuery query) {
		List<UUID> categoryIds = null;
		if (query.categorySlug() != null && !query.categorySlug().isBlank()) {
			ActiveCategory category = this.categories.findActive(query.categorySlug().strip())
				.orElseThrow(() -> ApiException.invalid("category", "must be the slug of an active category"));
			categoryIds = category.subtreeIds();
		}
		if (query.minPrice() != null && query.maxPrice() != null && query.minPrice().compareTo(query.maxPrice()) > 0) {
			throw ApiException.invalid("minPrice", "must not be greater than maxPrice");
		}
		return new Filters(categoryIds, query.minPrice(), query.maxPrice());
	}

	private long count(Matcher matcher, Filters filters, boolean byCategory, boolean byPrice) {
		Statement statement = statement("select count(*) from product p" + matcher.from(), matcher, filters,
				byCategory, byPrice);
		return this.jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
	}

	private List<UUID> ids(Matcher matcher, Filters filters, PageRequest page) {
		Statement statement = statement("select p.id from product p" + matcher.from(), matcher, filters, true, true);
		return this.jdbc.sql(statement.sql() + " order by " + matcher.rank() + " desc, p.id limit :limit offset :offset")
			.params(statement.params())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
	}

	private List<CategoryFacet> categoryFacet(Matcher matcher, Filters filters) {
		Statement statement = statement(
				"select c.slug, c.name, count(*) as n from product p join category c on c.id = p.category_id"
						+ matcher.from(),
				matcher, filters, false, true);
		return this.jdbc.sql(statement.sql() + " group by c.slug, c.name order by n desc, c.name")
			.params(statement.params())
			.query((rs, n) -> new CategoryFacet(rs.getString("slug"), rs.getString("name"), rs.getLong("n")))
			.list();
	}

	private List<PriceFacet> priceFacet(Matcher matcher, Filters filters) {
		StringBuilder select = new StringBuilder("select ");
		for (int i = 0; i < PRICE_RANGES.size(); i++) {
			PriceRange range = PRICE_RANGES.get(i);
			select.append((i > 0) ? ", " : "")
				.append("count(*) filter (where p.price_amount >= ")
				.append(range.min().toPlainString())
				.append((range.max() != null) ? " and p.price_amount < " + range.max().toPlainString() : "")
				.append(") as r")
				.append(i);
		}
		Statement statement = statement(select + " from product p" + matcher.from(), matcher, filters, true, false);
		Map<String, Object> counts = this.jdbc.sql(statement.sql()).params(statement.params()).query().singleRow();
		List<PriceFacet> facets = new ArrayList<>();
		for (int i = 0; i < PRICE_RANGES.size(); i++) {
			long count = ((Number) counts.get("r" + i)).longValue();
			if (count > 0) {
				PriceRange range = PRICE_RANGES.get(i);
				facets.add(new PriceFacet(range.min(), range.max(), range.label(), count));
			}
		}
		return facets;
	}

	private static Statement statement(String select, Matcher matcher, Filters filters, boolean byCategory,
			boolean byPrice) {
		StringBuilder sql = new StringBuilder(select).append(" where p.status = 'ACTIVE' and ").append(matcher.where());
		Map<String, Object> params = new HashMap<>(matcher.params());
		if (byCategory && filters.categoryIds() != null) {
			sql.append(" and p.category_id in (:categoryIds)");
			params.put("categoryIds", filters.categoryIds());
		}
		if (byPrice && filters.minPrice() != null) {
			sql.append(" and p.price_amount >= :minPrice");
			params.put("minPrice", filters.minPrice());
		}
		if (byPrice && filters.maxPrice() != null) {
			sql.append(" and p.price_amount <= :maxPrice");
			params.put("maxPrice", filters.maxPrice());
		}
		return new Statement(sql.toString(), params);
	}

	static List<String> words(String text) {
		return Arrays.stream(WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT)))
			.filter((w) -> !w.isEmpty())
			.collect(Collectors.toList());
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** How products are matched: a fixed SQL shape whose only inputs are bind parameters. */
	private record Matcher(String from, String where, String rank, Map<String, Object> params) {

		static Matcher fullText(String text) {
			return new Matcher(", websearch_to_tsquery('english', :q) as tsq", "p.search @@ tsq",
					"ts_rank_cd(p.search, tsq)", Map.of("q", text));
		}

		/** Needs pg_trgm.word_similarity_threshold set in the transaction. */
		static Matcher nameSimilarity(String words) {
			return new Matcher("", ":q <% lower(p.name)", "word_similarity(:q, lower(p.name))", Map.of("q", words));
		}

	}

	private record Filters(List<UUID> categoryIds, BigDecimal minPrice, BigDecimal maxPrice) {
	}

	private record Statement(String sql, Map<String, Object> params) {
	}

	private record PriceRange(BigDecimal min, BigDecimal max, String label) {

		PriceRange(String min, String max, String label) {
			this(new BigDecimal(min), (max != null) ? new BigDecimal(max) : null, label);
		}

	}

}
