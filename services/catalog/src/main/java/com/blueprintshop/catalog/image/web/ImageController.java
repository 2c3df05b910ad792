package com.blueprintshop.catalog.image.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.blueprintshop.catalog.image.ImageType;
import com.blueprintshop.catalog.image.Images;
import com.blueprintshop.catalog.image.StoredImage;
import com.blueprintshop.catalog.system.ApiException;

/**
 * Serves image bytes. A URL names one version of one image (id and content hash), so the
 * response may be cached forever; a new upload gets a new URL.
 */
@RestController
class ImageController {

	private static final String FOREVER = "public, max-age=31536000, immutable";

	/** An SVG opened directly must not run script or load anything. */
	private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private final Images images;

	ImageController(Images images) {
		this.images = images;
	}

	@GetMapping("/images/{file}")
	ResponseEntity<byte[]> image(@PathVariable String file,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		StoredImage image = this.images.find(file)
			.orElseThrow(() -> ApiException.notFound("There is no image '" + abbreviate(file) + "'."));
		String etag = "\"" + image.sha256() + "\"";
		ResponseEntity.BodyBuilder response = (etag.equals(ifNoneMatch)) ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				: ResponseEntity.ok();
		response.header(HttpHeaders.CACHE_CONTROL, FOREVER)
			.eTag(etag)
			.contentType(MediaType.parseMediaType(image.type().contentType()))
			.header("X-Content-Type-Options", "nosniff");
		if (image.type() == ImageType.SVG) {
			response.header("Content-Security-Policy", SVG_POLICY);
		}
		return (etag.equals(ifNoneMatch)) ? response.build() : response.body(image.bytes());
	}

	private static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

}
