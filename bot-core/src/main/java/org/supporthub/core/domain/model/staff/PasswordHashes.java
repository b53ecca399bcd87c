package org.supporthub.core.domain.model.staff;

/**
 * Makes and checks staff password hashes. Each hash names its own algorithm and work factor, so that raising
 * the work factor later leaves existing hashes verifiable; {@link #needsRehash} says when a hash is weaker
 * than what the hub now uses, so it can be replaced after the next successful login.
 */
public interface PasswordHashes {

    String hash(char[] password);

    /** False for a wrong password and for a stored value that is no hash this hub can read. */
    boolean verify(char[] password, String storedHash);

    boolean needsRehash(String storedHash);
}
