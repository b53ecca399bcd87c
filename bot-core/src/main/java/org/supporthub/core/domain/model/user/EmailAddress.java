package org.supporthub.core.domain.model.user;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address the hub may write to: the {@code email} claim of a user's token, or the address an
 * administrator gives when leaving a question for later. Checked for shape only (one {@code @}, a dotted
 * domain, no spaces or line breaks, at most {@value #MAX_LENGTH} characters): whether it is read is the
 * mailbox's business, but nothing that could break a mail header ever passes.
 */
public final class EmailAddress {

    /** RFC 5321's limit for a forward path. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"<>,;:()\\[\\]\\\\]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddress() {
    }

    /** Whether {@code value} is an address the hub will write to. */
    public static boolean valid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }

    /**
     * The address, trimmed, or empty when it is missing or malformed. A bad claim is ignored rather than
     * the token refused: the address only pre-fills a form and addresses mail, it proves nothing.
     */
    public static Optional<String> parse(String value) {
        String trimmed = value == null ? null : value.strip();
        return valid(trimmed) ? Optional.of(trimmed) : Optional.empty();
    }
}
