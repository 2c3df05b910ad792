package com.blueprintshop.storefront.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTests {

	@Test
	void showsTheEndsAndAWindowAroundTheCurrentPageWithGapsBetween() {
		PageLinks links = PageLinks.of(10, 20, (n) -> "/p?page=" + n);

		assertThat(links.items()).extracting(PageLinks.Item::number)
			.containsExactly(1, null, 8, 9, 10, 11, 12, null, 20);
		assertThat(links.items()).filteredOn(PageLinks.Item::current)
			.extracting(PageLinks.Item::number)
			.containsExactly(10);
		assertThat(links.prev()).isEqualTo("/p?page=9");
		assertThat(links.next()).isEqualTo("/p?page=11");
		assertThat(links.shown()).isTrue();
	}

	@Test
	void hasNoPreviousOnTheFirstPageAndNoNextOnTheLast() {
		assertThat(PageLinks.of(1, 3, (n) -> "/" + n).prev()).isNull();
		assertThat(PageLinks.of(3, 3, (n) -> "/" + n).next()).isNull();
	}

	@Test
	void showsNothingForASinglePage() {
		PageLinks links = PageLinks.of(1, 1, (n) -> "/" + n);
		assertThat(links.shown()).isFalse();
		assertThat(links.prev()).isNull();
		assertThat(links.next()).isNull();
	}

	@Test
	void pointsBackToTheLastPageFromBeyondIt() {
		PageLinks links = PageLinks.of(9, 4, (n) -> "/" + n);
		assertThat(links.prev()).isEqualTo("/4");
		assertThat(links.next()).isNull();
	}

}
