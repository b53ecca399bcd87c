package org.supporthub.core.domain.model.conversation;

/** Who wrote a chat message. */
public enum AuthorKind {
    /** The portal user (the administrator). */
    USER,
    /** The support bot. */
    BOT,
    /** The vendor's support staff. */
    STAFF,
    /** The hub itself, e.g. "the support channel was disabled". */
    SYSTEM
}
