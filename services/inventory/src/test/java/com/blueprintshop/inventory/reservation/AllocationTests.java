package com.blueprintshop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.blueprintshop.inventory.reservation.Allocation.Piece;
import com.blueprintshop.inventory.stock.StockRow;

class AllocationTests {

	private static StockRow row(int warehouse, int onHand, int reserved) {
		return new StockRow("BP000001-1", (short) warehouse, onHand, reserved, 7);
	}

	@Test
	void prefersTheFirstWarehouseThatCoversTheWholeLine() {
		List<Piece> plan = Allocation.plan(List.of(row(1, 3, 0), row(2, 10, 2), row(3, 50, 0)), 5);
		assertThat(plan).extracting((piece) -> piece.row().warehouseId(), Piece::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple((short) 2, 5));
	}

	@Test
	void splitsOverWarehousesInIdOrderWhenNoneCoversTheLine() {
		List<Piece> plan = Allocation.plan(List.of(row(1, 3, 1), row(2, 0, 0), row(3, 4, 0)), 5);
		assertThat(plan).extracting((piece) -> piece.row().warehouseId(), Piece::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple((short) 1, 2),
					org.assertj.core.groups.Tuple.tuple((short) 3, 3));
	}

	@Test
	void hasNoPlanWhenAllWarehousesTogetherHaveTooFew() {
		assertThat(Allocation.plan(List.of(row(1, 3, 1), row(2, 2, 0)), 5)).isNull();
		assertThat(Allocation.plan(List.of(), 1)).isNull();
		assertThat(Allocation.available(List.of(row(1, 3, 1), row(2, 2, 0)))).isEqualTo(4);
	}

	@Test
	void keepsTheVersionItReadSoTheSwapCanCheckIt() {
		assertThat(Allocation.plan(List.of(row(1, 9, 0)), 9).getFirst().row().version()).isEqualTo(7);
	}

}
