package com.blueprintshop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blueprintshop.defaults.TestDatabase;
import com.blueprintshop.defaults.TestTokens;
import com.blueprintshop.inventory.TestStock;
import com.blueprintshop.inventory.reservation.Replies.Reply;
import com.blueprintshop.inventory.reservation.Replies.Reservation;
import com.blueprintshop.inventory.reservation.Replies.Shortage;
import com.blueprintshop.inventory.reservation.Replies.StockReserved;
import com.blueprintshop.inventory.reservation.Replies.StockUnavailable;
import com.blueprintshop.inventory.stock.StockContention;

/**
 * Reservations racing for the same rows of the machine's PostgreSQL (a throw-away database), from
 * many threads at once: compare-and-swap never oversells, and the global lock order never lets
 * two orders deadlock. No broker: the stock events wait in the outbox.
 */
@ExtendWith(TestDatabase.DropAfterContext.class)
@SpringBootTest(properties = { "eureka.client.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
		"shop.inventory.seed.enabled=false", "spring.datasource.hikari.maximum-pool-size=20",
		"spring.datasource.hikari.connection-timeout=60000" })
@Import(TestTokens.Decoder.class)
@DirtiesContext
class ReservationConcurrencyIntegrationTests {

	private static final String DATABASE = TestDatabase.create("bp_inventory_race_test");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Autowired
	Reservations reservations;

	@Autowired
	JdbcClient jdbc;

	/** Contention retried as a redelivery of the command would retry it. */
	private final AtomicInteger contended = new AtomicInteger();

	@Test
	void ofFiftyShoppersRacingForTheLastFiveUnitsExactlyFiveGetOne() throws Exception {
		TestStock.sku(this.jdbc, "RACE-LAST-FIVE", 3, 2);
		List<Reply> replies = race(50, (i) -> List.of(new Line("RACE-LAST-FIVE", 1)));

		assertThat(replies.stream().filter(StockReserved.class::isInstance)).hasSize(5);
		assertThat(replies.stream().filter(StockUnavailable.class::isInstance)).hasSize(45)
			.allSatisfy((reply) -> assertThat(((StockUnavailable) reply).shortages())
				.containsExactly(new Shortage("RACE-LAST-FIVE", 1, 0)));
		assertThat(TestStock.reserved(this.jdbc, "RACE-LAST-FIVE", "DUB")).isEqualTo(3);
		assertThat(TestStock.reserved(this.jdbc, "RACE-LAST-FIVE", "RTM")).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from reservation where sku = 'RACE-LAST-FIVE' and status = 'RESERVED'")
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from stock where on_hand < 0 or reserved > on_hand")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void ordersNamingTheSameSkusInOppositeOrdersNeverDeadlock() throws Exception {
		TestStock.sku(this.jdbc, "RACE-PAIR-A", 1000, null);
		TestStock.sku(this.jdbc, "RACE-PAIR-B", 1000, null);
		TestStock.sku(this.jdbc, "RACE-PAIR-C", 1000, null);
		List<Reply> replies = race(120, (i) -> switch (i % 3) {
			case 0 -> List.of(new Line("RACE-PAIR-A", 1), new Line("RACE-PAIR-B", 1), new Line("RACE-PAIR-C", 1));
			case 1 -> List.of(new Line("RACE-PAIR-C", 1), new Line("RACE-PAIR-B", 1), new Line("RACE-PAIR-A", 1));
			default -> List.of(new Line("RACE-PAIR-B", 1), new Line("RACE-PAIR-C", 1), new Line("RACE-PAIR-A", 1));
		});

		assertThat(replies).hasSize(120).allSatisfy((reply) -> assertThat(reply).isInstanceOf(StockReserved.class));
		assertThat(TestStock.reserved(this.jdbc, "RACE-PAIR-A", "DUB")).isEqualTo(120);
		assertThat(TestStock.reserved(this.jdbc, "RACE-PAIR-B", "DUB")).isEqualTo(120);
		assertThat(TestStock.reserved(this.jdbc, "RACE-PAIR-C", "DUB")).isEqualTo(120);
	}

	@Test
	void aLineNoWarehouseCoversAloneIsSplitAndAShortLineReservesNothingOfTheOrder() {
		TestStock.sku(this.jdbc, "SPLIT-ME", 3, 2);
		TestStock.sku(this.jdbc, "PLENTY", 50, 50);
		Reply split = this.reservations.reserve(UUID.randomUUID(), List.of(new Line("SPLIT-ME", 4)));
		assertThat(((StockReserved) split).reservations()).containsExactly(new Reservation("SPLIT-ME", "DUB", 3),
				new Reservation("SPLIT-ME", "RTM", 1));

		Reply refused = this.reservations.reserve(UUID.randomUUID(),
				List.of(new Line("PLENTY", 2), new Line("SPLIT-ME", 2), new Line("NOT-KNOWN", 1), new Line("PLENTY", 0)));
		assertThat(((StockUnavailable) refused).shortages()).containsExactly(new Shortage("NOT-KNOWN", 1, 0),
				new Shortage("PLENTY", 0, 0), new Shortage("SPLIT-ME", 2, 1));
		assertThat(TestStock.reserved(this.jdbc, "PLENTY", "DUB")).isZero();
		assertThat(TestStock.reserved(this.jdbc, "SPLIT-ME", "RTM")).isEqualTo(1);
	}

	/** {@code clients} threads released at once, each reserving for its own order. */
	private List<Reply> race(int clients, java.util.function.IntFunction<List<Line>> lines) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Reply>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				List<Line> order = lines.apply(i);
				Callable<Reply> client = () -> {
					start.await();
					return reserveAsRedeliveredUntilAnswered(UUID.randomUUID(), order);
				};
				futures.add(pool.submit(client));
			}
			start.countDown();
			List<Reply> replies = new ArrayList<>();
			for (Future<Reply> future : futures) {
				// a deadlock (or any other failure) would surface here as an ExecutionException
				replies.add(future.get());
			}
			return replies;
		}
	}

	private Reply reserveAsRedeliveredUntilAnswered(UUID orderId, List<Line> lines) {
		for (int delivery = 0; delivery < 20; delivery++) {
			try {
				return this.reservations.reserve(orderId, lines);
			}
			catch (StockContention ex) {
				this.contended.incrementAndGet();
			}
		}
		throw new AssertionError("order " + orderId + " was never answered");
	}

}
