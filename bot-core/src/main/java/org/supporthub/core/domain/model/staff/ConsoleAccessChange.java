package org.supporthub.core.domain.model.staff;

/**
 * Console logins withdrawn: all of one account's ({@code tokenId} null), or one token (a log-out).
 *
 * @param reason the close reason the console's sockets are given ({@link #ACCOUNT_CHANGED} or {@link #TOKEN_REVOKED})
 */
public record ConsoleAccessChange(String accountId, String tokenId, String reason) {

    /** The account was disabled, deleted, lost its operator role, got a new password, or had all logins revoked. */
    public static final String ACCOUNT_CHANGED = "ACCOUNT_CHANGED";
    /** This very token was withdrawn (its holder logged out). */
    public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    /** The token's lifetime is over. */
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";

    public static ConsoleAccessChange account(String accountId) {
        return new ConsoleAccessChange(accountId, null, ACCOUNT_CHANGED);
    }

    public static ConsoleAccessChange token(String accountId, String tokenId) {
        return new ConsoleAccessChange(accountId, tokenId, TOKEN_REVOKED);
    }
}
