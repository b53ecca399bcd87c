package org.supporthub.web.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.domain.model.staff.LoginLockout;
import org.supporthub.core.domain.model.staff.LoginLockoutRepository;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffAuditAction;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffAuditRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Slows down and stops password guessing at every door that takes credentials.
 *
 * <ul>
 *   <li><b>Per client address</b> (staff and portal doors alike): after {@code addressThreshold} failures
 *   within the window, each further attempt from that address waits, doubling each time.</li>
 *   <li><b>Per staff account</b>: the same from {@code accountThreshold} failures, whatever the address.</li>
 *   <li><b>Lock-out</b> (staff accounts only, in the database so every instance sees it): after
 *   {@code lockoutAfter} failures in a row the account refuses every login, the right password included,
 *   until a manager lifts it.</li>
 * </ul>
 * Portal credentials are throttled per address but neither per portal nor locked out: a portal secret is
 * 256 random bits, which no one guesses, so a per-portal block would only let anyone cut a portal off by
 * sending wrong secrets in its name. The counters of the first two rules are per hub instance and bounded
 * in size; the lock-out holds across instances.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    /** Beyond this many tracked keys, expired ones are dropped; then the oldest-looking are refused. */
    static final int MAX_KEYS = 100_000;
    /** The actor of audit entries the hub writes by itself. */
    static final String HUB_ACTOR = "support-hub";

    /** The door a credential came through. */
    public enum Door { STAFF, PORTAL }

    /** Why an attempt was refused before its credentials were even checked. */
    public enum Refusal { ADDRESS_THROTTLED, ACCOUNT_THROTTLED, ACCOUNT_LOCKED }

    /**
     * An attempt's admission.
     *
     * @param refusal           null when the attempt may go ahead
     * @param retryAfterSeconds how long to wait; for a lock-out, a hint only (a manager must lift it)
     */
    public record Verdict(Refusal refusal, long retryAfterSeconds) {
        static final Verdict ADMITTED = new Verdict(null, 0);

        public boolean admitted() {
            return refusal == null;
        }
    }

    @Inject
    @ConfigProperty(name = "support.hub.login.account-threshold", defaultValue = "5")
    int accountThreshold;

    @Inject
    @ConfigProperty(name = "support.hub.login.address-threshold", defaultValue = "20")
    int addressThreshold;

    @Inject
    @ConfigProperty(name = "support.hub.login.backoff-base-seconds", defaultValue = "2")
    int backoffBaseSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.login.backoff-cap-seconds", defaultValue = "900")
    int backoffCapSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.login.window-seconds", defaultValue = "900")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.login.lockout-after", defaultValue = "10")
    int lockoutAfter;

    @Inject
    LoginLockoutRepository lockouts;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffAuditRepository audit;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, FailureWindow> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMillis = new AtomicLong();
    private FailureWindow.Rules accountRules;
    private FailureWindow.Rules addressRules;

    @PostConstruct
    void init() {
        Duration base = Duration.ofSeconds(backoffBaseSeconds);
        Duration cap = Duration.ofSeconds(backoffCapSeconds);
        Duration window = Duration.ofSeconds(windowSeconds);
        accountRules = new FailureWindow.Rules(accountThreshold, base, cap, window);
        addressRules = new FailureWindow.Rules(addressThreshold, base, cap, window);
        if (lockoutAfter < accountThreshold) {
            throw new IllegalStateException("support.hub.login.lockout-after must not be below the account threshold");
        }
    }

    /** Whether an attempt may have its credentials checked at all. */
    @Transactional
    public Verdict admit(Door door, String principal, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = waitFor(addressKey(clientAddress), now, addressRules);
        if (!wait.isZero()) {
            return new Verdict(Refusal.ADDRESS_THROTTLED, seconds(wait));
        }
        if (door == Door.STAFF && principal != null) {
            Optional<LoginLockout> lockout = lockouts.find(principal);
            if (lockout.isPresent() && lockout.get().locked()) {
                return new Verdict(Refusal.ACCOUNT_LOCKED, backoffCapSeconds);
            }
            wait = waitFor(accountKey(principal), now, accountRules);
            if (!wait.isZero()) {
                return new Verdict(Refusal.ACCOUNT_THROTTLED, seconds(wait));
            }
        }
        return Verdict.ADMITTED;
    }

    /** Records a failed attempt; never logs the password, which it never sees. */
    @Transactional
    public void failed(Door door, String principal, String clientAddress) {
        Instant now = clock.instant();
        record(addressKey(clientAddress), now, addressRules);
        int inRow = 0;
        boolean locked = false;
        if (door == Door.STAFF && principal != null) {
            record(accountKey(principal), now, accountRules);
            // Only real accounts get a row: names an attacker makes up must not fill the table.
            Optional<StaffAccount> account = accounts.findByUsername(principal);
            if (account.isPresent()) {
                LoginLockout lockout = lockouts.find(principal).orElseGet(() -> new LoginLockout(principal));
                locked = lockout.failed(now, clientAddress, lockoutAfter);
                inRow = lockout.failures();
                lockouts.store(lockout);
                if (locked) {
                    audit.record(new StaffAuditEntry(UUID.randomUUID().toString(), now, HUB_ACTOR,
                            StaffAuditAction.LOCKED_OUT, account.get(), inRow + " failed logins in a row",
                            clientAddress));
                }
            }
        }
        String who = printable(principal);
        String from = printable(clientAddress);
        LOG.warning(door + " login failed for '" + who + "' from " + from
                + (inRow > 0 ? " (" + inRow + " in a row)" : ""));
        if (locked) {
            LOG.warning("Staff account '" + who + "' is LOCKED after " + inRow
                    + " failed logins in a row; a support manager can lift the lock-out");
        }
    }

    /** Records a successful login: the account's failures are forgiven (its address's are not). */
    @Transactional
    public void succeeded(Door door, String principal) {
        if (door == Door.STAFF && principal != null) {
            windows.remove(accountKey(principal));
            lockouts.find(principal).filter(l -> !l.locked()).ifPresent(l -> lockouts.remove(principal));
        }
    }

    /**
     * A manager lifts an account's lock-out: its failures are forgotten on this instance and in the
     * database, and the audit says who lifted it.
     */
    @Transactional
    public boolean lift(String username, String manager, String clientAddress) {
        windows.remove(accountKey(username));
        boolean lifted = lockouts.remove(username);
        if (lifted) {
            accounts.findByUsername(username).ifPresent(a -> audit.record(new StaffAuditEntry(
                    UUID.randomUUID().toString(), clock.instant(), manager, StaffAuditAction.LOCKOUT_LIFTED, a, null,
                    clientAddress)));
        }
        return lifted;
    }

    private Duration waitFor(String key, Instant now, FailureWindow.Rules rules) {
        FailureWindow window = windows.get(key);
        return window == null ? Duration.ZERO : window.wait(now, rules);
    }

    private void record(String key, Instant now, FailureWindow.Rules rules) {
        long last = lastSweepMillis.get();
        // At most one sweep a second: a flood of new keys must not turn every failure into a full scan.
        if (windows.size() >= MAX_KEYS && now.toEpochMilli() - last >= 1000
                && lastSweepMillis.compareAndSet(last, now.toEpochMilli())) {
            windows.entrySet().removeIf(e -> e.getValue().expired(now,
                    e.getKey().startsWith("a:") ? addressRules : accountRules));
        }
        windows.merge(key, FailureWindow.first(now), (old, fresh) -> old.plus(now, rules));
    }

    int trackedKeys() {
        return windows.size();
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "unknown" : address);
    }

    private static String accountKey(String username) {
        return "u:" + username;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Keeps a name from writing fake lines into the log. */
    static String printable(String s) {
        if (s == null) {
            return "-";
        }
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
