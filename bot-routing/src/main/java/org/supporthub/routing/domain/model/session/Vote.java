package org.supporthub.routing.domain.model.session;

import java.util.Locale;
import java.util.Optional;

/** The administrator's rating of a closed support session. */
public enum Vote {
    LIKE, DISLIKE;

    /** The wire name, {@code like} or {@code dislike}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Vote> fromWire(String value) {
        if ("like".equals(value)) {
            return Optional.of(LIKE);
        }
        return "dislike".equals(value) ? Optional.of(DISLIKE) : Optional.empty();
    }
}
