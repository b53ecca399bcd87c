package org.supporthub.core.domain.model.conversation;

/**
 * Both read marks of a conversation as stored: the highest sequence number each side has read (0: none
 * yet). What a reconnecting widget or console is told before anything new is pushed.
 */
public record ReadMarks(long operator, long administrator) {

    public static final ReadMarks NONE = new ReadMarks(0, 0);

    public long of(ReadSide side) {
        return side == ReadSide.OPERATOR ? operator : administrator;
    }
}
