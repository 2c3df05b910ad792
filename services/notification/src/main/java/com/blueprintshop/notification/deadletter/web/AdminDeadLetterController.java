package com.blueprintshop.notification.deadletter.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.notification.deadletter.DeadLetterReplay;
import com.blueprintshop.notification.deadletter.DeadLetterState;
import com.blueprintshop.notification.deadletter.DeadLetters;
import com.blueprintshop.notification.system.ApiException;

/** Staff only (role ADMIN, see the security filter chain): parked messages and their replay. */
@RestController
@RequestMapping("/admin/dead-letters")
class AdminDeadLetterController {

	private final DeadLetters deadLetters;

	private final DeadLetterReplay replay;

	AdminDeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
		this.deadLetters = deadLetters;
		this.replay = replay;
	}

	@GetMapping
	List<DeadLetterItem> list(@RequestParam(defaultValue = "parked") String state,
			@RequestParam(defaultValue = "50") @Min(1) @Max(DeadLetters.MAX_LIST) int limit) {
		DeadLetterState wanted = DeadLetterState.of(state)
			.orElseThrow(() -> ApiException.invalid("state", "must be parked, replayed or all"));
		return this.deadLetters.newest(wanted, limit).stream().map(DeadLetterItem::of).toList();
	}

	@PostMapping("/{id}/replay")
	DeadLetterItem replay(@PathVariable long id) {
		return DeadLetterItem.of(this.replay.replay(id));
	}

}
