package com.blueprintshop.payment.provider;

/**
 * A card as the shop may keep it.
 *
 * @param token what stands for the card from now on ({@code tok_…})
 * @param last4 its last four digits, to show the shopper which card it was
 * @param brand its scheme
 */
public record TokenizedCard(String token, String last4, CardBrand brand) {
}
