package org.supporthub.core.application;

import org.supporthub.core.domain.model.portal.SupportLocale;

/**
 * A user's message as stored: its sequence number, and whether this was a resend of a stored one.
 *
 * @param chosenLocale the language the user had chosen for the conversation when the message was stored
 *                     (read under the same row lock that numbered it), or null while they had chosen none
 */
public record PostedMessage(String clientMsgId, long seq, boolean duplicate, SupportLocale chosenLocale) {

    /** A message of a conversation whose user has chosen no language. */
    public PostedMessage(String clientMsgId, long seq, boolean duplicate) {
        this(clientMsgId, seq, duplicate, null);
    }
}
