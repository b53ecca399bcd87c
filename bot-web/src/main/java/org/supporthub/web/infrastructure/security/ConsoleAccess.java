package org.supporthub.web.infrastructure.security;

import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.core.domain.model.staff.StaffAccount;

import java.time.Instant;
import java.util.Optional;

/**
 * The one rule that says whether a console login still holds, used by the REST filter, by {@code hello}
 * and by the per-frame check alike. The answer is the close reason of docs/protocol.md.
 */
public final class ConsoleAccess {

    private ConsoleAccess() {
    }

    /** What about an account decides its console logins. */
    public record AccountState(boolean enabled, boolean operator, long tokenVersion) {
        public static AccountState of(StaffAccount account) {
            return new AccountState(account.isEnabled(), account.mayUseConsole(), account.tokenVersion());
        }
    }

    /**
     * @param account null when the account no longer exists
     * @return the reason the login no longer holds, or empty when it does
     */
    public static Optional<String> refusal(StaffTokens.Claims token, AccountState account, boolean tokenRevoked,
                                           Instant now) {
        Optional<String> login = loginRefusal(token, account, tokenRevoked, now);
        if (login.isPresent() || account.operator()) {
            return login;
        }
        return Optional.of(ConsoleAccessChange.ACCOUNT_CHANGED);
    }

    /**
     * The same rule without the operator role: whether a console login still proves who its holder is. The
     * management area uses it (a manager who is not an operator signs in too); what the holder may do is
     * then decided by the account's current roles, read from the database on every request.
     *
     * @param account null when the account no longer exists
     */
    public static Optional<String> loginRefusal(StaffTokens.Claims token, AccountState account, boolean tokenRevoked,
                                                Instant now) {
        if (!now.isBefore(token.expiresAt())) {
            return Optional.of(ConsoleAccessChange.TOKEN_EXPIRED);
        }
        if (tokenRevoked) {
            return Optional.of(ConsoleAccessChange.TOKEN_REVOKED);
        }
        if (account == null || !account.enabled() || account.tokenVersion() != token.tokenVersion()) {
            return Optional.of(ConsoleAccessChange.ACCOUNT_CHANGED);
        }
        return Optional.empty();
    }

    static StaffTokens.Claims claims(StaffTokens.Operator operator) {
        return new StaffTokens.Claims(operator.accountId(), operator.tokenId(), operator.tokenVersion(),
                operator.expiresAt());
    }
}
