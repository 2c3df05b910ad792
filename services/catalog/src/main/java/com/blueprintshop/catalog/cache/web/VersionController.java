package com.blueprintshop.catalog.cache.web;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.blueprintshop.catalog.cache.CatalogVersion;
import com.blueprintshop.catalog.cache.CatalogVersions;
import com.blueprintshop.catalog.cache.HttpValidators;

/** {@code GET /version} (through the gateway {@code /api/catalog/version}): the catalog generation. */
@RestController
class VersionController {

	private final CatalogVersions versions;

	private final HttpValidators validators;

	VersionController(CatalogVersions versions, HttpValidators validators) {
		this.versions = versions;
		this.validators = validators;
	}

	@GetMapping("/version")
	Version version(ServletWebRequest request) {
		CatalogVersion version = this.versions.current();
		if (this.validators.notModified(request, version.etag(), version.changedAt())) {
			return null;
		}
		return new Version(version.version(), version.changedAt());
	}

	/**
	 * @param version the catalog generation; any staff change raises it
	 * @param changedAt when the last change was made
	 */
	record Version(long version, Instant changedAt) {
	}

}
