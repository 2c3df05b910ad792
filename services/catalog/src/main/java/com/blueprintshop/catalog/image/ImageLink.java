package com.blueprintshop.catalog.image;

/**
 * An image as pages show it.
 *
 * @param url its immutable browser path, {@code /images/<id>-<sha256 prefix>.<ext>}
 * @param alt its text alternative
 */
public record ImageLink(String url, String alt) {
}
