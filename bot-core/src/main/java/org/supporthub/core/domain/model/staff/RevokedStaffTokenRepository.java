package org.supporthub.core.domain.model.staff;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Console tokens withdrawn one by one (log-out). */
public interface RevokedStaffTokenRepository {

    /** Records the revocation; revoking a token twice is harmless. */
    void revoke(RevokedStaffToken token);

    boolean isRevoked(String tokenId);

    /** Which of these token ids are revoked (one query, for many console sockets at once). */
    Set<String> revokedAmong(Collection<String> tokenIds);

    /** Forgets revocations of tokens that have expired by {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
