package com.blueprintshop.perflab.shop;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shopper accounts the buy and account journeys sign in with. Created through the API before a
 * run and kept in {@code <home>/load/shoppers.properties} for the next runs (an account costs a
 * password hash at identity; the first run creates them, later runs reuse them).
 *
 * <p>A journey leases an account and gives it back when it ends, so that no two users share one
 * at the same time: two browsers on one account merge their carts, and the checkout of one would
 * find the other's cart changed under it. Only when every account is out does a journey share one,
 * and {@link #shared()} counts how often that happened.
 */
public final class ShopperPool {

	private final List<Shopper> all;

	private final Deque<Shopper> free;

	private final AtomicLong shared = new AtomicLong();

	ShopperPool(List<Shopper> shoppers) {
		if (shoppers.isEmpty()) {
			throw new IllegalArgumentException("a pool needs at least one shopper");
		}
		this.all = List.copyOf(shoppers);
		this.free = new ConcurrentLinkedDeque<>(shoppers);
	}

	/** The pool in {@code file}, grown to {@code size} accounts by creating the missing ones. */
	public static ShopperPool ensure(Path file, int size, ShopApi api) {
		Map<String, String> known = read(file);
		List<Shopper> shoppers = new ArrayList<>();
		known.forEach((email, password) -> shoppers.add(new Shopper(email, password)));
		if (shoppers.size() < size) {
			String token = api.clientToken();
			String batch = HexFormat.of().formatHex(randomBytes(3));
			for (int n = shoppers.size(); n < size; n++) {
				String email = "load-" + batch + "-" + n + "@example.com";
				String password = "Load-" + HexFormat.of().formatHex(randomBytes(6)) + "-42";
				if (api.createUser(token, email, "Load shopper " + n, password)) {
					shoppers.add(new Shopper(email, password));
					known.put(email, password);
				}
			}
			write(file, known);
		}
		return new ShopperPool(shoppers.subList(0, Math.min(Math.max(size, 1), shoppers.size())));
	}

	public Shopper lease() {
		Shopper shopper = this.free.pollFirst();
		if (shopper != null) {
			return shopper;
		}
		this.shared.incrementAndGet();
		return this.all.get(ThreadLocalRandom.current().nextInt(this.all.size()));
	}

	public void release(Shopper shopper) {
		if (!this.free.contains(shopper)) {
			this.free.addLast(shopper);
		}
	}

	public int size() {
		return this.all.size();
	}

	/** How many leases found every account out and shared one. */
	public long shared() {
		return this.shared.get();
	}

	/** Enough accounts for the buy and account users a run has in flight at once, with a margin. */
	public static int sizeFor(double peakArrivalsPerSecond, double signedInShare, double journeySeconds) {
		int inFlight = (int) Math.ceil(peakArrivalsPerSecond * signedInShare * journeySeconds * 1.5);
		return Math.clamp(inFlight + 2, 4, 500);
	}

	private static Map<String, String> read(Path file) {
		Map<String, String> shoppers = new TreeMap<>();
		if (Files.isRegularFile(file)) {
			Properties values = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				values.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file, ex);
			}
			values.stringPropertyNames().forEach((email) -> shoppers.put(email, values.getProperty(email)));
		}
		return shoppers;
	}

	private static void write(Path file, Map<String, String> shoppers) {
		Properties values = new Properties();
		values.putAll(shoppers);
		try {
			Files.createDirectories(file.getParent());
			try (Writer writer = Files.newBufferedWriter(file)) {
				values.store(writer, "shopper accounts of ./blueprint load (e-mail = password)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	public record Shopper(String email, String password) {
	}

}
