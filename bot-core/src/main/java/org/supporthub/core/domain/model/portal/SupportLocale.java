package org.supporthub.core.domain.model.portal;

import java.util.Locale;
import java.util.Optional;

/** The languages the support bot speaks, as the source document requires: Polish and English. */
public enum SupportLocale {
    PL, EN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** The locale for a tag such as {@code pl}, {@code pl-PL} or {@code en_GB}, if the bot speaks it. */
    public static Optional<SupportLocale> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (SupportLocale l : values()) {
            if (l.tag().equals(language)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
