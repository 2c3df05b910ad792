package com.blueprintshop.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgArtTests {

	@Test
	void initialsAreTheFirstLettersOfUpToThreeWords() {
		assertThat(SvgArt.initials("Studio Wireless Headphones")).isEqualTo("SWH");
		assertThat(SvgArt.initials("Walnut Pour-Over Coffee Kettle")).isEqualTo("WPO");
		assertThat(SvgArt.initials("4K Monitor")).isEqualTo("4M");
	}

	@Test
	void initialsNeverCarryMarkup() {
		assertThat(SvgArt.initials("<script> & \"quotes\"")).isEqualTo("SQ");
		assertThat(SvgArt.initials("éclair ünder")).isEqualTo("BP");
	}

}
