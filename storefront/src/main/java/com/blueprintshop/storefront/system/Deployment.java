package com.blueprintshop.storefront.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What this running storefront renders pages with: its build (version and build time, from
 * {@code META-INF/build-info.properties} when the build wrote one) and the templates, messages
 * and static files it serves. Part of every page's ETag, so that a deploy that changes how a
 * page looks never lets a browser or the edge keep the old one with a 304.
 */
@Component
public class Deployment {

	private static final String[] RENDERED_WITH = { "classpath*:templates/**/*.html", "classpath*:messages*.properties",
			"classpath*:static/**/*.*" };

	private final String id;

	private final Instant since;

	Deployment(ObjectProvider<BuildProperties> build, Clock clock) {
		BuildProperties properties = build.getIfAvailable();
		MessageDigest digest = sha256();
		if (properties != null) {
			digest.update((properties.getVersion() + "@" + properties.getTime()).getBytes(StandardCharsets.UTF_8));
		}
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : RENDERED_WITH) {
				Resource[] found = resources.getResources(pattern);
				Arrays.sort(found, Comparator.comparing(Deployment::name));
				for (Resource resource : found) {
					if (resource.isReadable()) {
						digest.update(name(resource).getBytes(StandardCharsets.UTF_8));
						try (InputStream in = resource.getInputStream()) {
							digest.update(in.readAllBytes());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read what the pages are rendered with", ex);
		}
		this.id = HexFormat.of().formatHex(digest.digest(), 0, 8);
		Instant now = clock.instant();
		Instant built = (properties != null) ? properties.getTime() : null;
		// a page is no older than the build that renders it, nor than this process when unknown
		this.since = (built != null && built.isBefore(now)) ? built : now;
	}

	/** A short hash of the build and everything the pages are rendered from. */
	public String id() {
		return this.id;
	}

	/** When what renders the pages last changed: the build's time, else when this process started. */
	public Instant since() {
		return this.since;
	}

	private static String name(Resource resource) {
		try {
			return resource.getURL().toString().replaceFirst("^.*?/(templates|static|messages)", "$1");
		}
		catch (IOException ex) {
			return String.valueOf(resource.getFilename());
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
