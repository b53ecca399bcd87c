package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.session.SessionEnd;
import org.supporthub.routing.domain.model.session.SupportSession;

import java.time.Instant;

/**
 * Closing a session, by an operator, by inactivity or by the administrator: the outcome, the note, the vote
 * request, the transcript's end.
 */
final class SessionClosing {

    private SessionClosing() {
    }

    static void close(SupportSession session, SessionEnd end, OpenChannel channel, SessionNotes notes, String noteKey,
                      Instant now) {
        boolean vote = channel.settings().session().voteOnClose();
        session.close(end, vote, now);
        long last = notes.system(session, noteKey);
        if (vote) {
            last = notes.bot(session, "session.votePlease");
        }
        session.endsAt(last);
    }
}
