package org.supporthub.core.domain.model.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox's storage. */
public interface OutgoingMailRepository {

    /**
     * Stores the mail unless one with the same cause is already stored.
     *
     * @return whether it was stored (false: its cause already has a mail)
     */
    boolean storeOnce(OutgoingMail mail);

    /**
     * Claims up to {@code limit} pending mails due at {@code now}: their next attempt moves to
     * {@code leaseUntil}, so a slow send is not taken up again by the next beat meanwhile. One read and one
     * update, whatever the number.
     */
    List<OutgoingMail> claimDue(Instant now, Instant leaseUntil, int limit);

    /** The mails with these ids (one read). */
    List<OutgoingMail> findAll(Collection<String> ids);

    /** The newest mails, newest first (the development mailbox). */
    List<OutgoingMail> latest(int limit);

    /** How many wait to be sent. */
    long pendingCount();
}
