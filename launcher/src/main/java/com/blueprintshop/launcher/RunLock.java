package com.blueprintshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code run/launcher.lock}, held by the one command that changes what runs
 * ({@code up}, {@code restart}, {@code down}). The operating system drops it when the holder exits,
 * however it exits, so a crashed launcher never leaves a stale lock behind.
 */
final class RunLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock, or explains who has it. */
	static RunLock acquire(Path file) throws Busy {
		try {
			Files.createDirectories(file.getParent());
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				String holder = Files.readString(file).strip();
				channel.close();
				throw new Busy("another ./blueprint command" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
						+ " is starting or stopping components in " + file.getParent().getParent()
						+ "; wait for it to finish");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
			channel.force(false);
			return new RunLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot lock " + file, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// the lock goes with the channel, and the channel with the process
		}
	}

	static final class Busy extends Exception {

		Busy(String message) {
			super(message);
		}

	}

}
