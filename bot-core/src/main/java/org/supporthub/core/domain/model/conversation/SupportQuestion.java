package org.supporthub.core.domain.model.conversation;

import org.supporthub.core.domain.model.portal.SupportLocale;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator's question for support, already stored as message {@code seq} of the conversation.
 *
 * @param locale the language the administrator is answered in
 */
public record SupportQuestion(String portalId, String conversationId, long seq, String text, SupportLocale locale,
                              Instant askedAt) {

    public SupportQuestion {
        Objects.requireNonNull(portalId, "portalId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
