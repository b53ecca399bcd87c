package org.supporthub.web.infrastructure.attachment;

import org.supporthub.core.domain.model.attachment.AttachmentStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Content in files under one configured directory, named by their SHA-256 only ({@code ab/abcdef…}): the
 * path is built from the hash the hub computed, never from anything a user sent, and a key that is not a
 * hash is refused before it comes near the file system.
 *
 * <p>A write goes to a temporary file, is forced to disk, renamed into place atomically, and the directory
 * is forced too: once {@link #put} returns, the content survives a crash.
 */
public class DirectoryAttachmentStore implements AttachmentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public DirectoryAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the attachment directory " + this.root, e);
        }
    }

    @Override
    public void put(String sha256, byte[] content) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path dir = Files.createDirectories(target.getParent());
            Path temp = dir.resolve(".tmp-" + UUID.randomUUID());
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temp);
                if (!Files.exists(target)) {
                    throw e;
                }
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store attachment content", e);
        }
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read attachment content", e);
        }
    }

    @Override
    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete attachment content", e);
        }
    }

    @Override
    public String kind() {
        return "directory";
    }

    Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Makes the new directory entry durable too (where the platform allows opening a directory). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the file itself is on disk already.
        }
    }
}
