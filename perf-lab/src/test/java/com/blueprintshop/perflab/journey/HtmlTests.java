package com.blueprintshop.perflab.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The storefront's markup as Thymeleaf renders it (the templates' fields, escaped text). */
class HtmlTests {

	static final String PRODUCT_FORM = """
			<form class="stacked" method="post" action="/admin/catalog/products/0b0e">
			<input type="hidden" name="_csrf" value="abc-123_x"/>
			<input type="hidden" id="version" name="version" value="7">
			<input type="text" id="name" name="name" value="Chef&#39;s Knife &amp; Block" required maxlength="120">
			<textarea id="description" name="description" rows="6" maxlength="4000">Sharp &lt;really&gt;.</textarea>
			<select id="categorySlug" name="categorySlug" required>
			  <option value="">Choose a category</option>
			  <option value="audio">Audio</option>
			  <option value="knives" selected="selected">– Knives</option>
			</select>
			<input type="number" id="price" name="price" value="49.95" required min="0.01">
			<input type="checkbox" id="featured1" name="featured" value="true" checked="checked"><input type="hidden" name="_featured" value="on"/>
			</form>
			""";

	@Test
	void readsTheProductFormsFieldsUnescaped() {
		assertThat(Html.csrf(PRODUCT_FORM)).isEqualTo("abc-123_x");
		assertThat(Html.inputValue(PRODUCT_FORM, "version")).isEqualTo("7");
		assertThat(Html.inputValue(PRODUCT_FORM, "name")).isEqualTo("Chef's Knife & Block");
		assertThat(Html.textarea(PRODUCT_FORM, "description")).isEqualTo("Sharp <really>.");
		assertThat(Html.selected(PRODUCT_FORM, "categorySlug")).isEqualTo("knives");
		assertThat(Html.inputValue(PRODUCT_FORM, "price")).isEqualTo("49.95");
		assertThat(Html.checked(PRODUCT_FORM, "featured")).isTrue();
		assertThat(Html.inputValue(PRODUCT_FORM, "missing")).isNull();
	}

	@Test
	void anUntickedCheckboxIsNotChecked() {
		assertThat(Html.checked("<input type=\"checkbox\" id=\"featured1\" name=\"featured\" value=\"true\">",
				"featured")).isFalse();
	}

	@Test
	void onlyVariantsThatCanBeBoughtAreChosen() {
		String page = """
				<input type="hidden" name="product" value="studio-wireless-headphones">
				<select id="add-sku" name="sku" required>
				<option value="SWH-1-BLK">Black · €129.00 · In stock</option>
				<option value="SWH-1-SLV">Silver · €129.00 · Out of stock</option>
				<option value="SWH-1-SND" selected="selected">Sand · €129.00 · Only 3 left</option>
				<option value="SWH-1-BLU">Blue · €129.00 · Availability unknown</option>
				</select>
				""";
		assertThat(Html.skusInStock(page)).containsExactly("SWH-1-BLK", "SWH-1-SND");
		assertThat(Html.inputValue(page, "product")).isEqualTo("studio-wireless-headphones");
	}

	@Test
	void readsAnOrdersStatus() {
		assertThat(Html.orderStatus("<strong id=\"order-status\" class=\"order-status\" data-status=\"CONFIRMED\""
				+ " data-events-url=\"/orders/1/events\">CONFIRMED</strong>")).isEqualTo("CONFIRMED");
		assertThat(Html.orderStatus("<p>nothing</p>")).isNull();
	}

	@Test
	void numericReferencesAreUnescaped() {
		assertThat(Html.unescape("caf&#233; &#x2192; &quot;x&quot;")).isEqualTo("café → \"x\"");
		assertThat(Html.unescape("plain")).isEqualTo("plain");
	}

}
