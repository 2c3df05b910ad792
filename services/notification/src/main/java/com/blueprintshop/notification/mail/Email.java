package com.blueprintshop.notification.mail;

import java.util.UUID;

/**
 * One e-mail to one shopper: plain text with an HTML alternative.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, every piece of outside text already escaped
 * @param id what makes the e-mail unique (the event it reports): its {@code Message-ID}, so
 * that a repeat send is recognisably the same message
 */
public record Email(String to, String subject, String text, String html, UUID id) {
}
