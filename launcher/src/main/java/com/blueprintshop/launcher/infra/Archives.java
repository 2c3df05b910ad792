package com.blueprintshop.launcher.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks binaries shipped inside jars on the classpath, once per installation. */
final class Archives {

	private Archives() {
	}

	/**
	 * Extracts the {@code .txz} classpath resource into {@code target} unless it is there already.
	 * It is unpacked next to the target and renamed into place, so an interrupted extraction is never
	 * mistaken for a complete one.
	 */
	static void extractTarXzOnce(String resource, Path target) {
		if (Files.isDirectory(target)) {
			return;
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try (InputStream in = open(resource);
				TarArchiveInputStream tar = new TarArchiveInputStream(
						new XZCompressorInputStream(new BufferedInputStream(in, 1 << 16)))) {
			deleteRecursively(partial);
			Files.createDirectories(partial);
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = partial.resolve(entry.getName()).normalize();
				if (!path.startsWith(partial)) {
					throw new IOException("archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, partial.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot extract " + resource + " into " + target, ex);
		}
	}

	/** Copies one executable classpath resource to {@code target} unless it is there already. */
	static void copyExecutableOnce(String resource, Path target) {
		if (Files.isExecutable(target)) {
			return;
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try (InputStream in = open(resource)) {
			Files.createDirectories(target.getParent());
			Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.setPosixFilePermissions(partial, permissions(0755));
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy " + resource + " to " + target, ex);
		}
	}

	static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int i = 0; i < bits.length; i++) {
			if ((mode & (1 << i)) != 0) {
				permissions.add(bits[i]);
			}
		}
		return permissions;
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = Archives.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException(resource + " is not on the classpath (is launcher/target/lib complete?)");
		}
		return in;
	}

}
