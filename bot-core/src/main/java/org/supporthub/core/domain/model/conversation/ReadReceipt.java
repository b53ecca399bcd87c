package org.supporthub.core.domain.model.conversation;

import java.util.Objects;

/**
 * A side of a conversation has read it up to (and including) the message numbered {@code seq}: the
 * conversation's read mark for that side moved there. Marks only ever move up.
 *
 * @param conversationId the conversation read
 * @param by             who read it
 * @param seq            the highest sequence number read, at least 1
 */
public record ReadReceipt(String conversationId, ReadSide by, long seq) {

    public ReadReceipt {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(by, "by");
        if (seq < 1) {
            throw new IllegalArgumentException("A read mark is a sequence number, at least 1: " + seq);
        }
    }
}
