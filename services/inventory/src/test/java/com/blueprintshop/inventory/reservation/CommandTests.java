package com.blueprintshop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.blueprintshop.defaults.messaging.PoisonMessageException;
import com.blueprintshop.inventory.reservation.InventoryCommands.Command;

class CommandTests {

	private static final UUID ID = UUID.randomUUID();

	@Test
	void aCommandWithoutItsIdsOrTypeIsPoison() {
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(null, "CommitStock", ID, null).check());
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(ID, null, ID, null).check());
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(ID, "CommitStock", null, null).check());
	}

	@Test
	void aReserveStockWithoutLinesTooManyOrASkulessLineIsPoison() {
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(ID, "ReserveStock", ID, null).check());
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(ID, "ReserveStock", ID, List.of()).check());
		assertThatExceptionOfType(PoisonMessageException.class).isThrownBy(() -> new Command(ID, "ReserveStock", ID,
				Collections.nCopies(Reservations.MAX_LINES + 1, new Line("BP000001-1", 1))).check());
		assertThatExceptionOfType(PoisonMessageException.class)
			.isThrownBy(() -> new Command(ID, "ReserveStock", ID, List.of(new Line(null, 1))).check());
	}

	@Test
	void badQuantitiesAndUnknownSkusAreLeftForAnAnswer() {
		assertThatCode(() -> new Command(ID, "ReserveStock", ID,
				List.of(new Line("nonsense", -1), new Line("BP000001-1", null))).check()).doesNotThrowAnyException();
		assertThatCode(() -> new Command(ID, "ReleaseStock", ID, null).check()).doesNotThrowAnyException();
	}

}
