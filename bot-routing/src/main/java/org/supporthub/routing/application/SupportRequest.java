package org.supporthub.routing.application;

import java.time.Instant;
import java.util.Objects;

/**
 * A portal administrator's request for human support: "route this conversation to an operator of this
 * channel".
 *
 * @param portalId       the portal the administrator belongs to; never null or blank
 * @param conversationId the administrator's conversation with the hub, which the session continues; never
 *                       null or blank
 * @param channelId      the open channel whose queue, routing mode and working hours apply; never null or
 *                       blank
 * @param askedAt        when the administrator asked; the queue is served in this order; never null
 */
public record SupportRequest(String portalId, String conversationId, String channelId, Instant askedAt) {

    /**
     * Checks the request here, once, so that no router implementation has to check it again.
     *
     * @param portalId       the administrator's portal
     * @param conversationId the conversation the session continues
     * @param channelId      the open channel to route to
     * @param askedAt        when the administrator asked
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when an id is blank
     */
    public SupportRequest {
        requireText(portalId, "portalId");
        requireText(conversationId, "conversationId");
        requireText(channelId, "channelId");
        Objects.requireNonNull(askedAt, "askedAt");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
