package org.supporthub.core.domain.model.license;

import java.util.Optional;

/**
 * Which edition of the product a licence is for.
 *
 * <p>Demo keys let a prospect try the portal; they never entitle it to the vendor's support, which is
 * part of the commercial licence only.
 */
public enum Edition {
    /** A paid licence: entitles the portal to support while it has not expired. */
    COMMERCIAL("commercial"),
    /** A trial licence: the portal runs, support answers {@code LICENSE_DEMO}. */
    DEMO("demo");

    private final String code;

    Edition(String code) {
        this.code = code;
    }

    /** The edition as written in a licence key's payload and on the licence tool's command line. */
    public String code() {
        return code;
    }

    /** The edition with exactly this code (case-sensitive, since a signed payload has one spelling). */
    public static Optional<Edition> fromCode(String code) {
        for (Edition edition : values()) {
            if (edition.code.equals(code)) {
                return Optional.of(edition);
            }
        }
        return Optional.empty();
    }
}
