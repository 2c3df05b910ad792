package com.blueprintshop.storefront.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.blueprintshop.storefront.StorefrontProperties;

import org.springframework.stereotype.Component;

/**
 * Moments as pages show them, in the shop's language and in UTC, saying so
 * ({@code ${@dates.format(order.createdAt)}} gives "1 Mar 2026, 12:00 UTC").
 */
@Component("dates")
public class Dates {

	private final DateTimeFormatter format;

	Dates(StorefrontProperties properties) {
		this.format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", properties.locale()).withZone(ZoneOffset.UTC);
	}

	public String format(Instant instant) {
		return (instant != null) ? this.format.format(instant) : "";
	}

}
