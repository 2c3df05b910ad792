package com.blueprintshop.catalog.image;

import java.util.Arrays;
import java.util.Optional;

/** The image formats the catalog stores: SVG for generated art, the rest for uploads. */
public enum ImageType {

	SVG("image/svg+xml", "svg"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), WEBP("image/webp", "webp");

	private final String contentType;

	private final String extension;

	ImageType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	static Optional<ImageType> ofContentType(String contentType) {
		return Arrays.stream(values()).filter((t) -> t.contentType.equals(contentType)).findFirst();
	}

	/**
	 * The uploadable type these bytes really are, judged by their magic bytes and never by the
	 * file name or the declared content type: PNG, JPEG or WebP. SVG is never accepted from an
	 * upload, because it is a document that can carry script.
	 */
	static Optional<ImageType> sniff(byte[] bytes) {
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... magic) {
		if (bytes.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
