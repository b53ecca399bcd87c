package org.supporthub.core.application;

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
    PortalUser verify(String token);
}
