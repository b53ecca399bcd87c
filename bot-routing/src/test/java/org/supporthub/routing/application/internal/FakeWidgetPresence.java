package org.supporthub.routing.application.internal;

import org.supporthub.core.application.WidgetPresence;

import java.util.HashSet;
import java.util.Set;

/** Widget presence as a set of conversations with a widget open; counts the reads. */
final class FakeWidgetPresence implements WidgetPresence {

    final Set<String> open = new HashSet<>();
    int reads;

    @Override
    public void update(Set<String> opened, Set<String> closed) {
        open.addAll(opened);
        open.removeAll(closed);
    }

    @Override
    public void heartbeat() {
    }

    @Override
    public boolean open(String conversationId) {
        reads++;
        return open.contains(conversationId);
    }
}
