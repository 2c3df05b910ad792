package com.blueprintshop.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.blueprintshop.order.order.Order;
import com.blueprintshop.order.order.OrderRepository;
import com.blueprintshop.order.order.OrderRepository.StatusView;
import com.blueprintshop.order.order.OrderStatus;
import com.blueprintshop.order.system.OrderProperties;

/**
 * The checkout saga run inside the checkout request: the perf lab's ablation of asynchronous
 * checkout ({@code shop.order.checkout.mode=sync}). The decisions are {@link CheckoutSaga}'s, the
 * same as in the asynchronous mode; what changes is that inventory and payment are asked over
 * REST ({@link RestCommands}) instead of through Kafka, one step after the other, and that the
 * shopper's request waits until the saga has ended.
 *
 * <p>Each step is a short transaction of its own, and none is open during a REST call:
 * <ol>
 * <li>in checkout's transaction, with the order: the saga row, waiting for stock, with its
 * deadline ({@link #begin});
 * <li>the step's command by REST; its answer, or none in time (the step's deadline), gives the
 * next decision;
 * <li>a decision that begins the next step is recorded before that step's call, so the row
 * always says what may have to be undone;
 * <li>a decision that ends the saga (confirm, or reject with compensations) has its commands
 * (CommitStock, or ReleaseStock and VoidPayment) sent by REST first and is recorded after them,
 * with the commands whose call failed put in the outbox: Kafka delivers those once the service is
 * back. Nothing else would, because an ended saga is no longer swept.
 * </ol>
 * If the instance dies during a call, the saga row still waits with its deadline, and the deadline
 * sweep ({@link SagaDeadlines}) rejects the order and compensates through Kafka exactly as in the
 * asynchronous mode; a compensation that had already gone by REST then arrives twice, which
 * inventory and payment treat as once (idempotent by order id). The sweep runs in this mode too,
 * and may end a saga whose step is overdue while the request still waits on its call: the
 * request's own decision is then dropped (the row's version moved on) and it answers what the
 * sweep decided.
 */
@Service
public class SynchronousSaga {

	private static final Logger log = LoggerFactory.getLogger(SynchronousSaga.class);

	private final CheckoutSaga saga;

	private final SagaRepository sagas;

	private final OrderRepository orders;

	private final SagaEffects effects;

	private final RestCommands rest;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SynchronousSaga(SagaRepository sagas, OrderRepository orders, SagaEffects effects, RestCommands rest,
			PlatformTransactionManager transactionManager, OrderProperties properties, Clock clock) {
		this.saga = CheckoutSaga.of(properties);
		this.sagas = sagas;
		this.orders = orders;
		this.effects = effects;
		this.rest = rest;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * The order's saga begins, in the transaction that writes the order: waiting for stock, with
	 * the stock step's deadline from the moment the order was placed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void begin(Order order, String cardToken) {
		if (!this.sagas.insert(start(order).state(), cardToken, order.createdAt())) {
			throw new IllegalStateException("The new order " + order.id() + " already has a saga");
		}
	}

	/**
	 * Takes the saga that {@link #begin} started to its end.
	 * @return the order's status then: CONFIRMED or REJECTED (or whatever a concurrent deadline
	 * sweep or cancellation made of it)
	 */
	public OrderStatus run(Order order, String cardToken) {
		// the decision begin() recorded: the saga is a pure function of the order
		Decision decision = start(order);
		SagaState state = decision.state();
		while (true) {
			Optional<Reply> answer = this.rest.send(decision.commands().getFirst(), order, cardToken);
			decision = next(state, answer);
			if (decision.state().phase().waiting()) {
				Optional<SagaState> advanced = advance(state, decision);
				if (advanced.isEmpty()) {
					return current(order);
				}
				state = advanced.get();
				continue;
			}
			List<SagaCommand> undelivered = new ArrayList<>();
			for (SagaCommand command : decision.commands()) {
				if (this.rest.send(command, order, cardToken).isEmpty()) {
					undelivered.add(command);
				}
			}
			if (!undelivered.isEmpty()) {
				log.warn("Order {}: {} could not be sent by REST; they go by Kafka", order.id(), undelivered);
			}
			return finish(state, decision, undelivered, order, cardToken).orElseGet(() -> current(order));
		}
	}

	private Decision start(Order order) {
		return this.saga.start(order.id(), order.customerId(), order.createdAt());
	}

	/** The saga's decision on the step's answer; no answer (a failed or too slow call) is its deadline. */
	private Decision next(SagaState state, Optional<Reply> answer) {
		Instant now = this.clock.instant();
		if (answer.isPresent()) {
			Decision decision = this.saga.onReply(state, answer.get(), now);
			if (decision.changes()) {
				return decision;
			}
		}
		// a call that failed before its bound ran out counts as its deadline all the same
		Instant deadline = (state.deadline() != null && state.deadline().isAfter(now)) ? state.deadline() : now;
		return this.saga.onDeadline(state, deadline);
	}

	/** @return the saga as recorded, or empty when it is no longer where this request left it */
	private Optional<SagaState> advance(SagaState expected, Decision decision) {
		return Optional.ofNullable(this.transactions.execute((status) -> {
			if (!unchanged(expected)) {
				return null;
			}
			return this.sagas.save(decision.state(), this.clock.instant());
		}));
	}

	/** @return the order's status as the decision leaves it, or empty when the saga had moved meanwhile */
	private Optional<OrderStatus> finish(SagaState expected, Decision decision, List<SagaCommand> undelivered,
			Order placed, String cardToken) {
		return Optional.ofNullable(this.transactions.execute((status) -> {
			if (!unchanged(expected)) {
				return null;
			}
			Order order = this.orders.lock(placed.customerId(), placed.id())
				.orElseThrow(() -> new IllegalStateException("Saga without its order " + placed.id()));
			return this.effects.apply(decision, undelivered, order, cardToken, this.clock.instant()).status();
		}));
	}

	/** Locks the saga row (before the order, as everywhere) and says whether nobody else moved it. */
	private boolean unchanged(SagaState expected) {
		SagaRepository.Stored stored = this.sagas.lock(expected.orderId())
			.orElseThrow(() -> new IllegalStateException("The saga of order " + expected.orderId() + " is gone"));
		if (stored.state().version() != expected.version()) {
			log.info("Order {}: the saga moved to {} meanwhile; answering that", expected.orderId(),
					stored.state().phase());
			return false;
		}
		return true;
	}

	private OrderStatus current(Order order) {
		return this.orders.status(order.customerId(), order.id())
			.map(StatusView::status)
			.orElseThrow(() -> new IllegalStateException("Order " + order.id() + " is gone"));
	}

}
