package com.blueprintshop.catalog.image;

/**
 * An image's bytes as served.
 *
 * @param type its format
 * @param sha256 the hex SHA-256 of the bytes (the strong ETag)
 * @param bytes the content
 */
public record StoredImage(ImageType type, String sha256, byte[] bytes) {
}
