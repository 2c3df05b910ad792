package com.blueprintshop.storefront.checkout;

import com.blueprintshop.storefront.order.Address;

import org.springframework.util.StringUtils;

/**
 * The checkout form as typed. The card's number and security code are never shown again: a form
 * that comes back with errors has them empty ({@link #forgetCard()}).
 */
class CheckoutForm {

	private String name;

	private String line1;

	private String line2;

	private String city;

	private String postcode;

	private String country;

	private String cardNumber;

	private String expiryMonth;

	private String expiryYear;

	private String cvc;

	private String idempotencyKey;

	static CheckoutForm of(Address address) {
		CheckoutForm form = new CheckoutForm();
		if (address != null) {
			form.name = address.name();
			form.line1 = address.line1();
			form.line2 = address.line2();
			form.city = address.city();
			form.postcode = address.postcode();
			form.country = address.country();
		}
		return form;
	}

	Address address() {
		String secondLine = StringUtils.hasText(this.line2) ? trimmed(this.line2) : null;
		return new Address(trimmed(this.name), trimmed(this.line1), secondLine, trimmed(this.city),
				trimmed(this.postcode), trimmed(this.country));
	}

	/** The card number without the spaces or dashes people type between the groups. */
	String cardDigits() {
		return (this.cardNumber != null) ? this.cardNumber.replaceAll("[\\s-]", "") : "";
	}

	void forgetCard() {
		this.cardNumber = null;
		this.cvc = null;
	}

	private static String trimmed(String value) {
		return (value != null) ? value.strip() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLine1() {
		return this.line1;
	}

	public void setLine1(String line1) {
		this.line1 = line1;
	}

	public String getLine2() {
		return this.line2;
	}

	public void setLine2(String line2) {
		this.line2 = line2;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getPostcode() {
		return this.postcode;
	}

	public void setPostcode(String postcode) {
		this.postcode = postcode;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getCardNumber() {
		return this.cardNumber;
	}

	public void setCardNumber(String cardNumber) {
		this.cardNumber = cardNumber;
	}

	public String getExpiryMonth() {
		return this.expiryMonth;
	}

	public void setExpiryMonth(String expiryMonth) {
		this.expiryMonth = expiryMonth;
	}

	public String getExpiryYear() {
		return this.expiryYear;
	}

	public void setExpiryYear(String expiryYear) {
		this.expiryYear = expiryYear;
	}

	public String getCvc() {
		return this.cvc;
	}

	public void setCvc(String cvc) {
		this.cvc = cvc;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

}
