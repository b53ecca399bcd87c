package org.supporthub.core.domain.model.attachment;

import java.util.Optional;

/**
 * Where the bytes of attached files live, addressed by their content: the key is the SHA-256 of the bytes
 * (lower-case hex), so the same screenshot sent twice is kept once, and no name a user chose ever becomes
 * part of a path or a key.
 *
 * <p>Implementations (database, directory) are chosen by configuration; see the README.
 */
public interface AttachmentStore {

    /**
     * Keeps the content under its hash. When this returns the bytes are durable (committed, or written and
     * synced to disk): only then may the message that refers to them be acknowledged. Putting content that is
     * already there does nothing.
     *
     * @param sha256 the SHA-256 of {@code content}, lower-case hex (the caller computed it)
     */
    void put(String sha256, byte[] content);

    /** The content stored under the hash, if any. */
    Optional<byte[]> read(String sha256);

    /** Removes the content (nothing happens when there is none). Call only once no attachment refers to it. */
    void delete(String sha256);

    /** A name for logs and health: {@code database} or {@code directory}. */
    String kind();
}
