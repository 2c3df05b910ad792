package com.blueprintshop.inventory.stock;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The near cache of availability ({@code shop.inventory.availability-cache.*}).
 *
 * @param enabled off ({@code SHOP_INVENTORY_AVAILABILITY_CACHE_ENABLED=false}, part of
 * {@code ./blueprint up --without near-cache}), every lookup is a query
 * @param ttl how long a figure is reused: the most another instance's change can go unseen here
 * (this instance's own changes evict at once)
 * @param maximumSize SKUs kept at most
 */
@ConfigurationProperties("shop.inventory.availability-cache")
public record AvailabilityCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration ttl,
		@DefaultValue("50000") long maximumSize) {
}
