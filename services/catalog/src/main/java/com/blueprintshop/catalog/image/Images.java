package com.blueprintshop.catalog.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.CatalogProperties;

/**
 * Product images: stored in the database, served under content-addressed URLs that never
 * change meaning, so browsers, the edge and a CDN may cache them forever.
 */
@Service
public class Images {

	/** Uploads larger than this are refused with 413. */
	public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

	private static final Pattern FILE = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([0-9a-f]{16})\\.(svg|png|jpg|webp)");

	private final JdbcClient jdbc;

	private final String baseUrl;

	Images(JdbcClient jdbc, CatalogProperties properties) {
		this.jdbc = jdbc;
		this.baseUrl = properties.imageBaseUrl().endsWith("/")
				? properties.imageBaseUrl().substring(0, properties.imageBaseUrl().length() - 1)
				: properties.imageBaseUrl();
	}

	/** The browser path of an image, e.g. {@code /images/<id>-<sha256 first 16 hex>.svg}. */
	public String url(UUID id, String sha256, String contentType) {
		ImageType type = ImageType.ofContentType(contentType).orElseThrow();
		return this.baseUrl + "/" + id + "-" + sha256.substring(0, 16) + "." + type.extension();
	}

	/** The image a file name of {@link #url} names, if that exact version exists. */
	@Transactional(readOnly = true)
	public Optional<StoredImage> find(String file) {
		Matcher matcher = FILE.matcher(file);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select content_type, sha256, bytes from product_image where id = :id")
			.param("id", UUID.fromString(matcher.group(1)))
			.query((rs, n) -> new StoredImage(ImageType.ofContentType(rs.getString("content_type")).orElseThrow(),
					rs.getString("sha256"), rs.getBytes("bytes")))
			.optional()
			.filter((image) -> image.sha256().startsWith(matcher.group(2))
					&& image.type().extension().equals(matcher.group(3)));
	}

	/**
	 * Stores an uploaded image as the product's last one, in the caller's transaction. The
	 * format is judged by the bytes alone: anything but PNG, JPEG or WebP is a 400.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ImageLink addUpload(UUID productId, byte[] bytes, String alt) {
		if (bytes.length == 0) {
			throw ApiException.invalid("file", "must not be empty");
		}
		if (bytes.length > MAX_UPLOAD_BYTES) {
			throw ApiException.tooLarge("file", "must be at most 2 MB");
		}
		ImageType type = ImageType.sniff(bytes)
			.orElseThrow(() -> ApiException.invalid("file", "must be a PNG, JPEG or WebP image"));
		UUID id = UUID.randomUUID();
		String sha256 = sha256(bytes);
		this.jdbc.sql("""
				insert into product_image (id, product_id, position, content_type, bytes, sha256, alt)
				values (:id, :productId,
				        (select coalesce(max(position) + 1, 0) from product_image where product_id = :productId),
				        :contentType, :bytes, :sha256, :alt)
				""")
			.param("id", id)
			.param("productId", productId)
			.param("contentType", type.contentType())
			.param("bytes", bytes)
			.param("sha256", sha256)
			.param("alt", alt)
			.update();
		return new ImageLink(url(id, sha256, type.contentType()), alt);
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
