package org.supporthub.web.infrastructure.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The revocation rule, and the per-frame check that applies it without a database query per frame. */
class ConsoleAccessGuardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final StaffTokens.Operator OLGA = new StaffTokens.Operator("acc-olga", "olga", "Olga", "tok-1", 3,
            NOW.plusSeconds(3600));
    private static final StaffTokens.Operator PIOTR = new StaffTokens.Operator("acc-piotr", "piotr", "Piotr", "tok-2", 0,
            NOW.plusSeconds(3600));

    /** The database, as the loader sees it; counts the loads. */
    private final Map<String, ConsoleAccess.AccountState> database = new HashMap<>();
    private final Map<String, Instant> revokedInDatabase = new HashMap<>();
    private int loads;
    private ConsoleAccessGuard guard;

    @BeforeEach
    void setUp() {
        database.put("acc-olga", new ConsoleAccess.AccountState(true, true, 3));
        database.put("acc-piotr", new ConsoleAccess.AccountState(true, true, 0));
        guard = new ConsoleAccessGuard();
        guard.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        guard.loader = new ConsoleAccessLoader() {
            @Override
            public Snapshot load(Collection<String> accountIds, Collection<String> tokenIds) {
                loads++;
                Map<String, ConsoleAccess.AccountState> states = new HashMap<>();
                accountIds.stream().filter(database::containsKey).forEach(id -> states.put(id, database.get(id)));
                Map<String, Instant> revoked = new HashMap<>();
                tokenIds.stream().filter(revokedInDatabase::containsKey).forEach(id -> revoked.put(id, revokedInDatabase.get(id)));
                return new Snapshot(states, revoked);
            }
        };
    }

    private static StaffTokens.Claims claims(long version, Instant expires) {
        return new StaffTokens.Claims("acc", "tok", version, expires);
    }

    @Test
    void theRuleNamesWhyALoginNoLongerHolds() {
        ConsoleAccess.AccountState fine = new ConsoleAccess.AccountState(true, true, 2);
        Instant later = NOW.plusSeconds(60);
        assertThat(ConsoleAccess.refusal(claims(2, later), fine, false, NOW)).isEmpty();
        assertThat(ConsoleAccess.refusal(claims(2, NOW), fine, false, NOW)).contains("TOKEN_EXPIRED");
        assertThat(ConsoleAccess.refusal(claims(2, later), fine, true, NOW)).contains("TOKEN_REVOKED");
        assertThat(ConsoleAccess.refusal(claims(1, later), fine, false, NOW)).as("version moved on")
                .contains("ACCOUNT_CHANGED");
        assertThat(ConsoleAccess.refusal(claims(2, later), new ConsoleAccess.AccountState(false, false, 2), false, NOW))
                .as("disabled").contains("ACCOUNT_CHANGED");
        assertThat(ConsoleAccess.refusal(claims(2, later), new ConsoleAccess.AccountState(true, false, 2), false, NOW))
                .as("no operator role").contains("ACCOUNT_CHANGED");
        assertThat(ConsoleAccess.refusal(claims(2, later), null, false, NOW)).as("deleted").contains("ACCOUNT_CHANGED");
    }

    @Test
    void aManagersLoginHoldsWithoutTheOperatorRoleButNotForTheSessionsSocket() {
        Instant later = NOW.plusSeconds(60);
        ConsoleAccess.AccountState managerOnly = new ConsoleAccess.AccountState(true, false, 2);
        assertThat(ConsoleAccess.loginRefusal(claims(2, later), managerOnly, false, NOW)).isEmpty();
        assertThat(ConsoleAccess.refusal(claims(2, later), managerOnly, false, NOW)).contains("ACCOUNT_CHANGED");
        // Everything else that ends a login ends a manager's too.
        assertThat(ConsoleAccess.loginRefusal(claims(2, NOW), managerOnly, false, NOW)).contains("TOKEN_EXPIRED");
        assertThat(ConsoleAccess.loginRefusal(claims(2, later), managerOnly, true, NOW)).contains("TOKEN_REVOKED");
        assertThat(ConsoleAccess.loginRefusal(claims(1, later), managerOnly, false, NOW)).contains("ACCOUNT_CHANGED");
        assertThat(ConsoleAccess.loginRefusal(claims(2, later), new ConsoleAccess.AccountState(false, false, 2), false,
                NOW)).contains("ACCOUNT_CHANGED");
        assertThat(ConsoleAccess.loginRefusal(claims(2, later), null, false, NOW)).contains("ACCOUNT_CHANGED");
    }

    @Test
    void framesWithinTheTtlAreCheckedWithoutTheDatabase() {
        for (int i = 0; i < 1000; i++) {
            assertThat(guard.refusal(OLGA)).isEmpty();
        }
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void aChangeCommittedOnThisInstanceCountsFromTheNextFrame() {
        assertThat(guard.refusal(OLGA)).isEmpty();
        database.put("acc-olga", new ConsoleAccess.AccountState(false, false, 4));
        guard.changed(ConsoleAccessChange.account("acc-olga"), null);
        assertThat(guard.refusal(OLGA)).contains("ACCOUNT_CHANGED");

        assertThat(guard.refusal(PIOTR)).isEmpty();
        guard.changed(ConsoleAccessChange.token("acc-piotr", "tok-2"), PIOTR.expiresAt());
        assertThat(guard.refusal(PIOTR)).contains("TOKEN_REVOKED");
    }

    @Test
    void theSweepSeesWhatAnotherInstanceChangedInTwoQueriesForAllSockets() {
        assertThat(guard.refusal(OLGA)).isEmpty();
        assertThat(guard.refusal(PIOTR)).isEmpty();
        int before = loads;
        // Another hub instance disabled Olga and logged Piotr out: this instance got no event.
        database.put("acc-olga", new ConsoleAccess.AccountState(false, true, 4));
        revokedInDatabase.put("tok-2", PIOTR.expiresAt());
        assertThat(guard.refusal(OLGA)).as("the cache is still young").isEmpty();

        Map<StaffTokens.Operator, String> refused = guard.refusals(List.of(OLGA, PIOTR));
        assertThat(loads - before).isEqualTo(1);
        assertThat(refused).containsEntry(OLGA, "ACCOUNT_CHANGED").containsEntry(PIOTR, "TOKEN_REVOKED");
        assertThat(guard.refusal(OLGA)).as("and the frames after it").contains("ACCOUNT_CHANGED");
        assertThat(guard.refusal(PIOTR)).contains("TOKEN_REVOKED");
    }

    @Test
    void aDeletedAccountIsRefused() {
        database.remove("acc-olga");
        assertThat(guard.refusals(List.of(OLGA))).containsEntry(OLGA, "ACCOUNT_CHANGED");
    }

    @Test
    void anExpiredTokenIsRefusedWithoutAsking() {
        StaffTokens.Operator expired = new StaffTokens.Operator("acc-olga", "olga", "Olga", "tok-9", 3, NOW);
        assertThat(guard.refusal(expired)).contains("TOKEN_EXPIRED");
    }
}
