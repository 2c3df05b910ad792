package com.blueprintshop.launcher;

/**
 * What a component is, which decides how it is started, probed and stopped. The stage orders
 * start-up (lower first) and shut-down (higher first); components of one stage stop together.
 */
public enum Kind {

	POSTGRES(1), REDIS(2), KAFKA(3), MAIL(4), DISCOVERY(10), SERVICE(20), GATEWAY(30), STOREFRONT(40), EDGE(50);

	private final int stage;

	Kind(int stage) {
		this.stage = stage;
	}

	public int stage() {
		return this.stage;
	}

	public boolean infrastructure() {
		return this.stage < DISCOVERY.stage;
	}

	/** A Spring Boot deployable started with {@code java -jar}. */
	public boolean application() {
		return this == DISCOVERY || this == SERVICE || this == GATEWAY || this == STOREFRONT;
	}

	/** Applications that register in Eureka (the registry itself does not). */
	public boolean registers() {
		return application() && this != DISCOVERY;
	}

}
