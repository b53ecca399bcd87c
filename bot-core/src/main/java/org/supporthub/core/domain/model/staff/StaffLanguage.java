package org.supporthub.core.domain.model.staff;

import java.util.Arrays;
import java.util.Optional;

/** A language a staff member answers in: the hub's two support languages. */
public enum StaffLanguage {
    PL("pl"),
    EN("en");

    private final String tag;

    StaffLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static StaffLanguage fromTag(String tag) {
        return find(tag).orElseThrow(() -> new IllegalArgumentException("Unknown staff language: " + tag));
    }

    public static Optional<StaffLanguage> find(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
