package org.supporthub.core.domain.model.conversation;

import java.util.OptionalLong;

/** The read marks of conversations, one per side, stored with the conversation. */
public interface ReadMarkRepository {

    /**
     * Moves the side's mark up to {@code seq}, but never above the conversation's last stored message and
     * never down: one conditional update, so two readers at once cannot lower it.
     *
     * @return the new mark when it moved; empty when it was already there or higher, or the conversation is
     * unknown
     */
    OptionalLong raise(String conversationId, ReadSide side, long seq);

    /** Both marks of the conversation ({@link ReadMarks#NONE} for an unknown one). */
    ReadMarks marks(String conversationId);
}
