package org.supporthub.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.RevokedStaffTokenRepository;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads what decides console logins from the database, for {@link ConsoleAccessGuard}: one query each. */
@ApplicationScoped
public class ConsoleAccessLoader {

    @Inject
    StaffAccountRepository accounts;

    @Inject
    RevokedStaffTokenRepository revoked;

    /**
     * @param accounts the states of the accounts that still exist, by id
     * @param revoked  the revoked ones among the asked token ids, with an expiry to forget them after
     */
    public record Snapshot(Map<String, ConsoleAccess.AccountState> accounts, Map<String, Instant> revoked) {
    }

    @Transactional
    public Snapshot load(Collection<String> accountIds, Collection<String> tokenIds) {
        Map<String, ConsoleAccess.AccountState> states = new HashMap<>();
        for (StaffAccount account : accounts.findAll(accountIds)) {
            states.put(account.id(), ConsoleAccess.AccountState.of(account));
        }
        Map<String, Instant> revokedTokens = new HashMap<>();
        // Kept for a whole token lifetime: longer than any token it names can live.
        Instant forgetAfter = Instant.now().plus(StaffTokens.LIFETIME);
        revoked.revokedAmong(tokenIds).forEach(id -> revokedTokens.put(id, forgetAfter));
        return new Snapshot(states, revokedTokens);
    }
}
