package org.supporthub.core.application;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

/**
 * Verifies the short-lived user tokens that portal servers sign with their portal secret (JWT, HS256).
 * This is the only way a portal user's identity enters the hub.
 */
public interface UserTokenService {

    /** Longest lifetime a token may claim; a longer-lived token is refused, not trimmed. */
    long MAX_LIFETIME_SECONDS = 3600;

    /**
     * @throws InvalidUserTokenException naming why the token is refused
     */
    default PortalUser verify(String token) {
        return verifyWithPortal(token).user();
    }

    /**
     * As {@link #verify}, also handing back the portal as it was read to check the signature, so that a
     * caller that needs the portal next (a widget's {@code hello}) does not read it again.
     *
     * @throws InvalidUserTokenException naming why the token is refused
     */
    Verified verifyWithPortal(String token);

    /** A verified user and their portal. */
    record Verified(PortalUser user, Portal portal) {
    }
}
