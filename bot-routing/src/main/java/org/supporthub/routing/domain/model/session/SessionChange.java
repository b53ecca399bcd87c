package org.supporthub.routing.domain.model.session;

import java.util.Set;

/**
 * A support session moved: its conversation's widget and everyone who sees the channels involved must
 * refresh. A transfer names two channels, whose queues both moved.
 */
public record SessionChange(String sessionId, String conversationId, Set<String> channelIds) {

    public SessionChange {
        channelIds = Set.copyOf(channelIds);
    }
}
