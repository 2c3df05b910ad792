package com.blueprintshop.inventory.stock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouses, read once: they are written by migrations only, and every reservation reply
 * names them by code.
 */
@Component
public class Warehouses {

	private final JdbcClient jdbc;

	private volatile Loaded loaded;

	Warehouses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every warehouse in id order. */
	public List<Warehouse> all() {
		return loaded().all();
	}

	public Optional<Warehouse> byCode(String code) {
		return Optional.ofNullable(loaded().byCode().get(code));
	}

	public Warehouse byId(short id) {
		Warehouse warehouse = loaded().byId().get(id);
		if (warehouse == null) {
			throw new IllegalStateException("No warehouse " + id);
		}
		return warehouse;
	}

	private Loaded loaded() {
		Loaded current = this.loaded;
		if (current == null) {
			List<Warehouse> all = this.jdbc.sql("select id, code, name from warehouse order by id")
				.query((rs, n) -> new Warehouse(rs.getShort("id"), rs.getString("code"), rs.getString("name")))
				.list();
			current = new Loaded(List.copyOf(all),
					all.stream().collect(Collectors.toMap(Warehouse::id, Function.identity())),
					all.stream().collect(Collectors.toMap(Warehouse::code, Function.identity())));
			this.loaded = current;
		}
		return current;
	}

	private record Loaded(List<Warehouse> all, Map<Short, Warehouse> byId, Map<String, Warehouse> byCode) {
	}

}
