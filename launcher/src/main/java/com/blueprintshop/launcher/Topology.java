package com.blueprintshop.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every component of a local Blueprint Shop in start order, with its preferred ports. Which of them
 * actually run depends on the scope of {@code up} and on external infrastructure.
 */
public final class Topology {

	/** Business services with their preferred ports; each owns a database of its own. */
	static final List<String> SERVICES = List.of("identity", "catalog", "inventory", "order", "payment",
			"notification", "analytics");

	private static final int FIRST_SERVICE_PORT = 9001;

	private static final int FIRST_STOREFRONT_PORT = 8081;

	private final List<ComponentSpec> components;

	private Topology(List<ComponentSpec> components) {
		this.components = List.copyOf(components);
	}

	public static Topology of(int storefrontInstances) {
		List<ComponentSpec> all = new ArrayList<>();
		all.add(ComponentSpec.infrastructure("postgres", Kind.POSTGRES, 15432));
		all.add(ComponentSpec.infrastructure("redis", Kind.REDIS, 16379));
		all.add(ComponentSpec.infrastructure("kafka", Kind.KAFKA, 19092, 19093));
		all.add(ComponentSpec.infrastructure("mail", Kind.MAIL, 3025, 3080));
		all.add(ComponentSpec.application("discovery", Kind.DISCOVERY, 8761, "discovery", "discovery", "discovery-1"));
		for (int i = 0; i < SERVICES.size(); i++) {
			String service = SERVICES.get(i);
			all.add(ComponentSpec.application(service, Kind.SERVICE, FIRST_SERVICE_PORT + i, "services/" + service,
					service, service + "-1"));
		}
		all.add(ComponentSpec.application("gateway", Kind.GATEWAY, 8080, "gateway", "gateway", "gateway-1"));
		for (int i = 1; i <= storefrontInstances; i++) {
			all.add(ComponentSpec.application("storefront-" + i, Kind.STOREFRONT, FIRST_STOREFRONT_PORT + i - 1,
					"storefront", "storefront", "storefront-" + i));
		}
		all.add(ComponentSpec.infrastructure("edge", Kind.EDGE, 8443, 8088));
		return new Topology(all);
	}

	public List<ComponentSpec> components() {
		return this.components;
	}

	public Optional<ComponentSpec> find(String name) {
		return this.components.stream().filter((spec) -> spec.name().equals(name)).findFirst();
	}

	public List<String> names() {
		return this.components.stream().map(ComponentSpec::name).toList();
	}

}
