package org.supporthub.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks console logins on every socket frame without a database query per frame: what decides a login
 * (the account's state and token version, the revoked token ids) is cached here for at most
 * {@link #TTL_MILLIS}.
 *
 * <p>The cache never makes a withdrawn login last: on the instance that made a change, the change's
 * after-commit event updates the cache at once ({@link #changed}); on every other instance the console
 * sweep ({@link #refusals}, every second with the delivery catch-up) reloads the states of all its sockets'
 * accounts and tokens in two queries, and its sockets close within about a second. A frame that arrives
 * after the cached state grew older than the TTL reloads it first.
 */
@ApplicationScoped
public class ConsoleAccessGuard {

    /** How old a cached account state may be when a frame is checked against it. */
    static final long TTL_MILLIS = 2_000;

    private record Cached(ConsoleAccess.AccountState state, long loadedAtNanos) {
    }

    private final Map<String, Cached> accounts = new ConcurrentHashMap<>();
    /** Revoked token ids this instance knows of, with the tokens' expiry (to forget them after it). */
    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();

    @Inject
    ConsoleAccessLoader loader;

    @Inject
    Clock clock;

    /** Why this socket's login no longer holds, or empty; for every frame. */
    public Optional<String> refusal(StaffTokens.Operator operator) {
        Cached cached = accounts.get(operator.accountId());
        if (cached == null || System.nanoTime() - cached.loadedAtNanos > TTL_MILLIS * 1_000_000) {
            ConsoleAccessLoader.Snapshot fresh = loader.load(Set.of(operator.accountId()), Set.of(operator.tokenId()));
            remember(fresh, Set.of(operator.accountId()));
            cached = accounts.get(operator.accountId());
        }
        return ConsoleAccess.refusal(ConsoleAccess.claims(operator), cached.state(),
                revokedTokens.containsKey(operator.tokenId()), clock.instant());
    }

    /**
     * Reloads what decides the given logins (two queries for all of them) and says which no longer hold,
     * with the close reason of each.
     */
    public Map<StaffTokens.Operator, String> refusals(Collection<StaffTokens.Operator> live) {
        Instant now = clock.instant();
        revokedTokens.values().removeIf(expiry -> !expiry.isAfter(now));
        Set<String> accountIds = live.stream().map(StaffTokens.Operator::accountId).collect(Collectors.toSet());
        accounts.keySet().retainAll(accountIds);
        if (live.isEmpty()) {
            return Map.of();
        }
        ConsoleAccessLoader.Snapshot fresh = loader.load(accountIds,
                live.stream().map(StaffTokens.Operator::tokenId).collect(Collectors.toSet()));
        remember(fresh, accountIds);
        Map<StaffTokens.Operator, String> refused = new HashMap<>();
        for (StaffTokens.Operator operator : live) {
            ConsoleAccess.refusal(ConsoleAccess.claims(operator), accounts.get(operator.accountId()).state(),
                    revokedTokens.containsKey(operator.tokenId()), now).ifPresent(r -> refused.put(operator, r));
        }
        return refused;
    }

    /** A change this instance committed: the next frame of an affected login sees it. */
    public void changed(ConsoleAccessChange change, Instant tokenExpiry) {
        if (change.tokenId() != null) {
            revokedTokens.put(change.tokenId(), tokenExpiry);
        } else {
            accounts.remove(change.accountId());
        }
    }

    private void remember(ConsoleAccessLoader.Snapshot fresh, Set<String> asked) {
        long now = System.nanoTime();
        for (String id : asked) {
            // Absent from the snapshot: the account was deleted; cached as null, which refuses.
            accounts.put(id, new Cached(fresh.accounts().get(id), now));
        }
        fresh.revoked().forEach((tokenId, expiry) -> revokedTokens.put(tokenId, expiry));
    }
}
