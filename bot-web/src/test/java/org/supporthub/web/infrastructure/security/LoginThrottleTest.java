package org.supporthub.web.infrastructure.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.staff.LoginLockout;
import org.supporthub.core.domain.model.staff.LoginLockoutRepository;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.web.infrastructure.security.LoginThrottle.Door.PORTAL;
import static org.supporthub.web.infrastructure.security.LoginThrottle.Door.STAFF;
import static org.supporthub.web.infrastructure.security.LoginThrottle.Refusal.ACCOUNT_LOCKED;
import static org.supporthub.web.infrastructure.security.LoginThrottle.Refusal.ACCOUNT_THROTTLED;
import static org.supporthub.web.infrastructure.security.LoginThrottle.Refusal.ADDRESS_THROTTLED;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Map<String, LoginLockout> rows = new HashMap<>();
    private LoginThrottle throttle;
    private final java.util.List<String> audited = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        throttle = new LoginThrottle();
        throttle.accountThreshold = 3;
        throttle.addressThreshold = 6;
        throttle.backoffBaseSeconds = 2;
        throttle.backoffCapSeconds = 60;
        throttle.windowSeconds = 900;
        throttle.lockoutAfter = 5;
        throttle.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        throttle.accounts = new StaffAccountRepository() {
            @Override
            public Optional<StaffAccount> findByUsername(String username) {
                return "olga".equals(username) ? Optional.of(new StaffAccount("1", "olga", "Olga", "hash",
                        Set.of(StaffRole.OPERATOR), now)) : Optional.empty();
            }

            @Override
            public Optional<StaffAccount> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<StaffAccount> findAll(java.util.Collection<String> ids) {
                return List.of();
            }

            @Override
            public List<StaffAccount> list(int offset, int limit) {
                return List.of();
            }

            @Override
            public void store(StaffAccount account) {
            }

            @Override
            public void remove(StaffAccount account) {
            }

            @Override
            public boolean anyWithRole(StaffRole role) {
                return true;
            }

            @Override
            public long countEnabledWithRole(StaffRole role) {
                return 1;
            }
        };
        throttle.lockouts = new LoginLockoutRepository() {
            @Override
            public Optional<LoginLockout> find(String username) {
                return Optional.ofNullable(rows.get(username));
            }

            @Override
            public void store(LoginLockout lockout) {
                rows.put(lockout.username(), lockout);
            }

            @Override
            public boolean remove(String username) {
                return rows.remove(username) != null;
            }

            @Override
            public List<LoginLockout> locked(int limit) {
                return rows.values().stream().filter(LoginLockout::locked).toList();
            }
        };
        throttle.audit = new org.supporthub.core.domain.model.staff.StaffAuditRepository() {
            @Override
            public void record(org.supporthub.core.domain.model.staff.StaffAuditEntry entry) {
                audited.add(entry.action() + " by " + entry.actor());
            }

            @Override
            public List<org.supporthub.core.domain.model.staff.StaffAuditEntry> newest(int offset, int limit) {
                return List.of();
            }

            @Override
            public long count() {
                return audited.size();
            }
        };
        throttle.init();
    }

    private void pass(long seconds) {
        now = now.plusSeconds(seconds);
    }

    @Test
    void aFewMistakesCostNothingThenEachAttemptWaitsTwiceAsLong() {
        for (int i = 0; i < 2; i++) {
            throttle.failed(STAFF, "olga", "10.0.0.1");
            assertThat(throttle.admit(STAFF, "olga", "10.0.0.1").admitted()).isTrue();
        }
        throttle.failed(STAFF, "olga", "10.0.0.1");
        LoginThrottle.Verdict v = throttle.admit(STAFF, "olga", "10.0.0.2");
        assertThat(v.refusal()).as("per account, from any address").isEqualTo(ACCOUNT_THROTTLED);
        assertThat(v.retryAfterSeconds()).isEqualTo(2);
        pass(2);
        assertThat(throttle.admit(STAFF, "olga", "10.0.0.1").admitted()).isTrue();
        throttle.failed(STAFF, "olga", "10.0.0.1");
        assertThat(throttle.admit(STAFF, "olga", "10.0.0.1").retryAfterSeconds()).isEqualTo(4);
        assertThat(throttle.admit(STAFF, "ivan", "10.0.0.9").admitted()).as("other accounts unaffected").isTrue();
    }

    @Test
    void failuresInARowLockARealAccountUntilAManagerLiftsIt() {
        for (int i = 0; i < 5; i++) {
            pass(120);
            throttle.failed(STAFF, "olga", "10.0.0.1");
        }
        assertThat(rows.get("olga").locked()).isTrue();
        pass(3600);
        LoginThrottle.Verdict v = throttle.admit(STAFF, "olga", "10.0.0.3");
        assertThat(v.refusal()).as("waiting does not help").isEqualTo(ACCOUNT_LOCKED);
        assertThat(throttle.lift("olga", "mark", "10.0.0.9")).isTrue();
        assertThat(throttle.admit(STAFF, "olga", "10.0.0.3").admitted()).isTrue();
        assertThat(audited).containsExactly("LOCKED_OUT by support-hub", "LOCKOUT_LIFTED by mark");
        assertThat(throttle.lift("olga", "mark", "10.0.0.9")).as("nothing left to lift").isFalse();
    }

    @Test
    void aSuccessForgivesTheAccountButAMadeUpNameNeverGetsARow() {
        throttle.failed(STAFF, "olga", "10.0.0.1");
        throttle.failed(STAFF, "olga", "10.0.0.1");
        throttle.succeeded(STAFF, "olga");
        assertThat(rows).doesNotContainKey("olga");
        throttle.failed(STAFF, "olga", "10.0.0.1");
        assertThat(throttle.admit(STAFF, "olga", "10.0.0.1").admitted()).as("count started again").isTrue();
        throttle.failed(STAFF, "made-up", "10.0.0.1");
        assertThat(rows).doesNotContainKey("made-up");
    }

    @Test
    void oneAddressIsThrottledAcrossAccountsAndDoorsButPortalsAreNeverLockedOut() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(i % 2 == 0 ? STAFF : PORTAL, "name-" + i, "203.0.113.7");
        }
        LoginThrottle.Verdict v = throttle.admit(PORTAL, "some-portal", "203.0.113.7");
        assertThat(v.refusal()).isEqualTo(ADDRESS_THROTTLED);
        assertThat(throttle.admit(PORTAL, "some-portal", "203.0.113.8").admitted()).isTrue();
        for (int i = 0; i < 20; i++) {
            pass(120);
            throttle.failed(PORTAL, "victim-portal", "198.51.100." + i);
        }
        assertThat(throttle.admit(PORTAL, "victim-portal", "192.0.2.1").admitted())
                .as("wrong secrets sent in a portal's name from elsewhere do not cut it off").isTrue();
    }

    @Test
    void theWaitIsCappedAndOldFailuresAreForgotten() {
        for (int i = 0; i < 12; i++) {
            throttle.failed(STAFF, "ivan", "10.0.0.1");
        }
        assertThat(throttle.admit(STAFF, "ivan", "10.0.0.5").retryAfterSeconds()).isEqualTo(60);
        pass(Duration.ofMinutes(16).toSeconds());
        assertThat(throttle.admit(STAFF, "ivan", "10.0.0.5").admitted()).isTrue();
        throttle.failed(STAFF, "ivan", "10.0.0.5");
        assertThat(throttle.admit(STAFF, "ivan", "10.0.0.5").admitted()).as("a new window").isTrue();
    }

    @Test
    void namesCannotForgeLogLines() {
        assertThat(LoginThrottle.printable("eve\nINFO: fake")).isEqualTo("eve?INFO: fake");
        assertThat(LoginThrottle.printable(null)).isEqualTo("-");
        assertThat(LoginThrottle.printable("x".repeat(300))).hasSize(101);
    }
}
