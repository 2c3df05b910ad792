package com.blueprintshop.inventory.sku;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.inventory.sku.CatalogClient.SkuPage;
import com.blueprintshop.inventory.system.InventoryProperties;

/**
 * At first start, learns every SKU catalog has and gives each its generated stock. It runs on
 * its own thread, so the service starts and reports ready meanwhile (availability is 0 for what
 * it has not learned yet), and it asks an unreachable catalog again with backoff until it
 * answers. Each page is fetched outside any transaction and written in a short one with
 * {@code on conflict do nothing}: two instances starting at once both walk, and every SKU and
 * stock row is written once, with the same numbers whichever writes it. The walk is marked done
 * only at its end, so a crash half-way walks again at the next start.
 */
@Component
class SkuSeeder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SkuSeeder.class);

	private final CatalogClient catalog;

	private final SkuRegistry registry;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final InventoryProperties.Seed settings;

	private final Clock clock;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread thread;

	SkuSeeder(CatalogClient catalog, SkuRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactions,
			InventoryProperties properties, Clock clock) {
		this.catalog = catalog;
		this.registry = registry;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.settings = properties.seed();
		this.clock = clock;
	}

	@Override
	public void start() {
		if (this.settings.enabled()) {
			this.thread = Thread.ofVirtual().name("sku-seeder").start(() -> {
				try {
					seed();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (RuntimeException ex) {
					log.error("Learning catalog's SKUs failed; it is tried again at the next start", ex);
				}
			});
		}
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null && this.stopped.getCount() > 0;
	}

	/**
	 * Walks catalog's SKUs unless a walk finished before.
	 * @return how many SKUs this walk added, or -1 when there was nothing to do
	 * @throws InterruptedException when the service stops meanwhile
	 */
	int seed() throws InterruptedException {
		if (done()) {
			log.info("Inventory already learned catalog's SKUs; not seeding");
			return -1;
		}
		long started = System.nanoTime();
		StockGenerator generator = new StockGenerator(this.settings.randomSeed());
		int added = 0;
		int seen = 0;
		String after = null;
		do {
			SkuPage page = fetch(after);
			Integer written = this.transactions.execute((status) -> this.registry.learn(page.items(), generator));
			added += (written != null) ? written : 0;
			seen += page.items().size();
			after = page.next();
		}
		while (after != null);
		this.jdbc.sql("""
				insert into sku_seed (random_seed, completed_at) values (:seed, :now) on conflict (id) do nothing
				""")
			.param("seed", this.settings.randomSeed())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		log.info("Learned {} of catalog's {} SKUs with stock from random seed {} in {} ms", added, seen,
				this.settings.randomSeed(), (System.nanoTime() - started) / 1_000_000);
		return added;
	}

	private boolean done() {
		return this.jdbc.sql("select exists (select 1 from sku_seed)").query(Boolean.class).single();
	}

	/** One page, asked again with exponential backoff and jitter while catalog does not answer. */
	private SkuPage fetch(String after) throws InterruptedException {
		Duration backoff = this.settings.initialBackoff();
		boolean warned = false;
		while (true) {
			try {
				return this.catalog.skus(after, this.settings.pageSize());
			}
			catch (RuntimeException ex) {
				if (!warned) {
					warned = true;
					log.warn("Cannot read catalog's SKUs yet, trying again with backoff: {}", ex.toString());
				}
			}
			long pause = backoff.toMillis() / 2 + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
			if (this.stopped.await(pause, TimeUnit.MILLISECONDS)) {
				throw new InterruptedException("stopped");
			}
			backoff = backoff.multipliedBy(2);
			if (backoff.compareTo(this.settings.maxBackoff()) > 0) {
				backoff = this.settings.maxBackoff();
			}
		}
	}

}
