package org.supporthub.core.domain.model.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * Who read a conversation: the support operator holding its session, or the portal user who asked (the
 * administrator). Each side has its own read mark, which the other side is shown (read receipts).
 */
public enum ReadSide {
    OPERATOR,
    ADMINISTRATOR;

    /** The side's name on the wire: {@code operator} or {@code administrator}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReadSide> fromWire(String name) {
        for (ReadSide side : values()) {
            if (side.wireName().equals(name)) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }
}
