package org.supporthub.core.domain.model.conversation;

/** A stored support question that routing has not taken yet, with the portal it came from. */
public record AwaitingQuestion(String portalId, ChatMessage message) {
}
