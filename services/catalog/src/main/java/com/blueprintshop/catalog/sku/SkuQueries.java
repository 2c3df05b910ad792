package com.blueprintshop.catalog.sku;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.product.Money;

/** SKUs with their product and current price, for the services that stock and sell them. */
@Service
@Transactional(readOnly = true)
public class SkuQueries {

	public static final int MAX_PAGE = 1000;

	public static final int MAX_LOOKUP = 100;

	private static final String SELECT = """
			select s.sku, p.id, p.slug, p.name, s.size, s.colour,
			       coalesce(s.price_override, p.price_amount) as price, p.currency, p.status
			from sku s join product p on p.id = s.product_id
			""";

	private final JdbcClient jdbc;

	SkuQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every SKU, active or retired, in code order from just after {@code after} (keyset paging). */
	public SkuList page(String after, int limit) {
		List<SkuView> items = this.jdbc.sql(SELECT + " where s.sku > :after order by s.sku limit :limit")
			.param("after", (after != null) ? after : "")
			.param("limit", limit)
			.query(SkuQueries::view)
			.list();
		String next = (items.size() == limit) ? items.getLast().sku() : null;
		return new SkuList(items, next);
	}

	/** These SKUs, in code order; codes catalog does not know are left out. */
	public List<SkuView> lookup(List<String> skus) {
		return this.jdbc.sql(SELECT + " where s.sku in (:skus) order by s.sku").param("skus", skus).query(SkuQueries::view).list();
	}

	private static SkuView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SkuView(rs.getString("sku"), rs.getObject("id", UUID.class), rs.getString("slug"),
				rs.getString("name"), rs.getString("size"), rs.getString("colour"),
				new Money(rs.getBigDecimal("price"), rs.getString("currency").trim()), rs.getString("status"));
	}

}
