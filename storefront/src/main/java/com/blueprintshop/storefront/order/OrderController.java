package com.blueprintshop.storefront.order;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.blueprintshop.storefront.catalog.Page;
import com.blueprintshop.storefront.system.BadRequestException;
import com.blueprintshop.storefront.system.PageLinks;
import com.blueprintshop.storefront.system.RejectedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A shopper's orders: the history, one order's status (followed live while it changes) and
 * cancelling it. The order service decides what is theirs and answers 404 for anything else.
 */
@Controller
class OrderController {

	static final int PAGE_SIZE = 20;

	static final int MAX_PAGE = 1000;

	private final OrderClient orders;

	private final OrderStatusStreams streams;

	OrderController(OrderClient orders, OrderStatusStreams streams) {
		this.orders = orders;
		this.streams = streams;
	}

	@GetMapping("/orders")
	String history(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@RequestParam(defaultValue = "1") int page, Model model) {
		if (page < 1 || page > MAX_PAGE) {
			throw new BadRequestException("Page numbers run from 1 to %d.".formatted(MAX_PAGE));
		}
		Page<OrderSummary> history = this.orders.orders(token(client), page, PAGE_SIZE);
		model.addAttribute("orders", history);
		model.addAttribute("pages", PageLinks.of(page, history.totalPages(), OrderController::historyUrl));
		return "orders";
	}

	@GetMapping("/orders/{id}")
	String order(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			Model model) {
		OrderDetail order = this.orders.order(token(client), id);
		boolean awaitingCancel = Boolean.TRUE.equals(model.asMap().get("cancelRequested"))
				&& !Statuses.BEYOND_CANCELLING.contains(order.status());
		// followed while it can still change in a way the shopper waits for
		boolean following = !order.isFinal() || awaitingCancel;
		model.addAttribute("order", order);
		model.addAttribute("following", following);
		model.addAttribute("eventsUrl", following ? eventsUrl(order, awaitingCancel) : null);
		return "order";
	}

	/**
	 * The status page's event stream. The order is read first, so that someone else's order is a
	 * 404 before any stream opens.
	 * @param since the status the page shows
	 * @param until {@code CANCELLED} to keep following a confirmed order whose cancellation was
	 * asked for
	 */
	@GetMapping("/orders/{id}/events")
	SseEmitter events(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client,
			@PathVariable UUID id, @RequestParam(defaultValue = "") String since,
			@RequestParam(defaultValue = "") String until,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletResponse response) {
		String token = token(client);
		OrderDetail order = this.orders.order(token, id);
		// nginx passes each event on as it comes instead of buffering the stream
		response.setHeader("X-Accel-Buffering", "no");
		String shown = StringUtils.hasText(lastEventId) ? lastEventId : since;
		Set<String> ends = Statuses.CANCELLED.equals(until) ? Statuses.BEYOND_CANCELLING : Statuses.FINAL;
		return this.streams.follow(token, order, Statuses.known(shown) ? shown : null, ends);
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@RegisteredOAuth2AuthorizedClient("identity") OAuth2AuthorizedClient client, @PathVariable UUID id,
			RedirectAttributes redirect) {
		try {
			OrderClient.Cancellation cancellation = this.orders.cancel(token(client), id);
			if (cancellation != null && Statuses.CANCELLED.equals(cancellation.status())) {
				redirect.addFlashAttribute("notice", "Your order is cancelled.");
			}
			else {
				redirect.addFlashAttribute("notice", "We are cancelling your order. This page shows when it is done.");
				redirect.addFlashAttribute("cancelRequested", true);
			}
		}
		catch (RejectedInputException ex) {
			redirect.addFlashAttribute("problem",
					ex.isConflict() ? "This order can no longer be cancelled: " + ex.detail() : ex.detail());
		}
		return "redirect:/orders/" + id;
	}

	@ExceptionHandler(OrderStatusStreams.TooManyStreamsException.class)
	ResponseEntity<Void> tooManyStreams() {
		// the page still works: it says the status as of its loading, and a reload shows the rest
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").build();
	}

	static String eventsUrl(OrderDetail order, boolean awaitingCancel) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/orders/{id}/events")
			.queryParam("since", "{since}");
		if (awaitingCancel) {
			url.queryParam("until", Statuses.CANCELLED);
		}
		return url.encode().buildAndExpand(order.orderId(), order.status()).toUriString();
	}

	static String historyUrl(int page) {
		return (page > 1) ? "/orders?page=" + page : "/orders";
	}

	private static String token(OAuth2AuthorizedClient client) {
		return client.getAccessToken().getTokenValue();
	}

}
