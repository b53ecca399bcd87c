package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.InvalidStaffAccountException;
import org.supporthub.core.application.StaffAccountConflictException;
import org.supporthub.core.application.StaffAccountService.Actor;
import org.supporthub.core.application.StaffAccountService.NewStaffAccount;
import org.supporthub.core.application.UnknownStaffAccountException;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.core.domain.model.staff.RevokedStaffToken;
import org.supporthub.core.domain.model.staff.RevokedStaffTokenRepository;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffAuditAction;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffAuditRepository;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.core.infrastructure.security.Pbkdf2PasswordHashes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultStaffAccountServiceTest {

    private static final Actor MARK = new Actor("mark", "203.0.113.7");
    private static final String GOOD = "tram-lilac-ferry-42";

    private final Map<String, StaffAccount> accounts = new HashMap<>();
    private final List<StaffAuditEntry> trail = new ArrayList<>();
    private final Map<String, RevokedStaffToken> revoked = new HashMap<>();
    private final RecordingEvent<ConsoleAccessChange> changes = new RecordingEvent<>();
    private DefaultStaffAccountService service;
    private String markId;

    @BeforeEach
    void setUp() {
        service = new DefaultStaffAccountService();
        service.accounts = new StaffAccountRepository() {
            public Optional<StaffAccount> findByUsername(String u) {
                return accounts.values().stream().filter(a -> a.username().equals(u)).findFirst();
            }
            public Optional<StaffAccount> find(String id) {
                return Optional.ofNullable(accounts.get(id));
            }
            public List<StaffAccount> findAll(Collection<String> ids) {
                return ids.stream().map(accounts::get).filter(a -> a != null).toList();
            }
            public List<StaffAccount> list(int offset, int limit) {
                return accounts.values().stream().sorted(Comparator.comparing(StaffAccount::username)).skip(offset)
                        .limit(limit).toList();
            }
            public void store(StaffAccount a) {
                accounts.put(a.id(), a);
            }
            public void remove(StaffAccount a) {
                accounts.remove(a.id());
            }
            public boolean anyWithRole(StaffRole role) {
                return accounts.values().stream().anyMatch(a -> a.hasRole(role));
            }
            public long countEnabledWithRole(StaffRole role) {
                return accounts.values().stream().filter(a -> a.isEnabled() && a.hasRole(role)).count();
            }
        };
        service.audit = new StaffAuditRepository() {
            public void record(StaffAuditEntry e) {
                trail.add(e);
            }
            public List<StaffAuditEntry> newest(int offset, int limit) {
                List<StaffAuditEntry> all = new ArrayList<>(trail);
                java.util.Collections.reverse(all);
                return all.stream().skip(offset).limit(limit).toList();
            }
            public long count() {
                return trail.size();
            }
        };
        service.revoked = new RevokedStaffTokenRepository() {
            public void revoke(RevokedStaffToken t) {
                revoked.putIfAbsent(t.tokenId(), t);
            }
            public boolean isRevoked(String id) {
                return revoked.containsKey(id);
            }
            public Set<String> revokedAmong(Collection<String> ids) {
                return ids.stream().filter(revoked::containsKey).collect(Collectors.toSet());
            }
            public int purgeExpired(Instant now) {
                int before = revoked.size();
                revoked.values().removeIf(t -> t.expiresAt().isBefore(now));
                return before - revoked.size();
            }
        };
        service.hashes = new Pbkdf2PasswordHashes(1_000);
        service.clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        service.accessRevoked = changes;
        markId = service.create(Actor.system(), account("mark", Set.of(StaffRole.MANAGER))).id();
        trail.clear();
    }

    private static NewStaffAccount account(String username, Set<StaffRole> roles) {
        return new NewStaffAccount(username, "  " + username + " Name ", roles, Set.of(StaffLanguage.PL), GOOD);
    }

    @Test
    void createsAnAccountWithAHashedPasswordAndAnAuditEntry() {
        StaffAccount olga = service.create(MARK, account("olga", Set.of(StaffRole.OPERATOR)));
        assertThat(olga.displayName()).isEqualTo("olga Name");
        assertThat(olga.passwordHash()).startsWith("PBKDF2WithHmacSHA256:1000:").doesNotContain(GOOD);
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("mark");
            assertThat(e.action()).isEqualTo(StaffAuditAction.CREATED);
            assertThat(e.accountUsername()).isEqualTo("olga");
            assertThat(e.clientAddress()).isEqualTo("203.0.113.7");
            assertThat(e.at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        });
        assertThat(changes.fired).isEmpty();
    }

    @Test
    void refusesAWeakPasswordNamingTheFieldAndStoresNothing() {
        NewStaffAccount weak = new NewStaffAccount("olga", "Olga", Set.of(StaffRole.OPERATOR), Set.of(), "password1234");
        assertThatThrownBy(() -> service.create(MARK, weak)).isInstanceOfSatisfying(InvalidStaffAccountException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("password"));
        assertThat(accounts).hasSize(1);
        assertThat(trail).isEmpty();
    }

    @Test
    void refusesATakenUserName() {
        assertThatThrownBy(() -> service.create(MARK, account("mark", Set.of(StaffRole.OPERATOR))))
                .isInstanceOfSatisfying(StaffAccountConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(StaffAccountConflictException.Code.USERNAME_TAKEN));
    }

    @Test
    void changesThatEndTheConsoleWithdrawTheTokensAndSaySo() {
        String olga = service.create(MARK, account("olga", Set.of(StaffRole.OPERATOR))).id();
        service.changeProfile(MARK, olga, "Olga O.", Set.of(StaffLanguage.EN));
        service.changeRoles(MARK, olga, Set.of(StaffRole.OPERATOR, StaffRole.MANAGER));
        assertThat(changes.fired).as("renaming and adding a role end nothing").isEmpty();

        service.disable(MARK, olga);
        service.enable(MARK, olga);
        service.resetPassword(MARK, olga, "another-long-phrase");
        service.changeRoles(MARK, olga, Set.of(StaffRole.MANAGER));
        service.revokeTokens(MARK, olga);
        assertThat(accounts.get(olga).tokenVersion()).isEqualTo(4);
        assertThat(changes.fired).hasSize(4).allSatisfy(c -> {
            assertThat(c.accountId()).isEqualTo(olga);
            assertThat(c.tokenId()).isNull();
            assertThat(c.reason()).isEqualTo(ConsoleAccessChange.ACCOUNT_CHANGED);
        });
        service.delete(MARK, olga);
        assertThat(accounts).doesNotContainKey(olga);
        assertThat(changes.fired).hasSize(5);
        assertThat(service.audit(0, 100)).extracting(StaffAuditEntry::action).containsExactly(
                StaffAuditAction.DELETED, StaffAuditAction.TOKENS_REVOKED, StaffAuditAction.ROLES_CHANGED,
                StaffAuditAction.PASSWORD_RESET, StaffAuditAction.ENABLED, StaffAuditAction.DISABLED,
                StaffAuditAction.ROLES_CHANGED, StaffAuditAction.PROFILE_CHANGED, StaffAuditAction.CREATED);
        assertThat(service.audit(1, 2)).extracting(StaffAuditEntry::action)
                .containsExactly(StaffAuditAction.TOKENS_REVOKED, StaffAuditAction.ROLES_CHANGED);
        assertThat(service.auditSize()).isEqualTo(9);
    }

    @Test
    void aStaffMemberChoosesTheirConsoleLanguageWithoutTouchingTheirAccessOrTheTrail() {
        StaffAccount olga = service.create(MARK, account("olga", Set.of(StaffRole.OPERATOR)));
        trail.clear();
        changes.fired.clear();
        long tokenVersion = olga.tokenVersion();
        assertThat(olga.consoleLocale()).as("none chosen: the console follows the browser").isEmpty();

        service.chooseConsoleLocale(olga.id(), StaffLanguage.PL);

        assertThat(service.find(olga.id()).orElseThrow().consoleLocale()).contains(StaffLanguage.PL);
        assertThat(olga.tokenVersion()).isEqualTo(tokenVersion);
        assertThat(changes.fired).isEmpty();
        assertThat(trail).isEmpty();
        service.chooseConsoleLocale(olga.id(), StaffLanguage.EN);
        assertThat(service.find(olga.id()).orElseThrow().consoleLocale()).contains(StaffLanguage.EN);
        assertThatThrownBy(() -> service.chooseConsoleLocale("no-such-id", StaffLanguage.PL))
                .isInstanceOf(UnknownStaffAccountException.class);
    }

    @Test
    void aResetPasswordFollowsThePolicyToo() {
        String olga = service.create(MARK, account("olga", Set.of(StaffRole.OPERATOR))).id();
        assertThatThrownBy(() -> service.resetPassword(MARK, olga, "OLGA")).isInstanceOf(InvalidStaffAccountException.class);
        assertThatThrownBy(() -> service.resetPassword(MARK, olga, "Qwertyuiop123")).isInstanceOf(InvalidStaffAccountException.class);
        assertThat(accounts.get(olga).tokenVersion()).isZero();
    }

    @Test
    void theLastEnabledManagerCannotBeDisabledDemotedOrDeleted() {
        for (Runnable r : List.<Runnable>of(() -> service.disable(MARK, markId),
                () -> service.changeRoles(MARK, markId, Set.of(StaffRole.OPERATOR)),
                () -> service.delete(MARK, markId))) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(StaffAccountConflictException.class,
                    e -> assertThat(e.code()).isEqualTo(StaffAccountConflictException.Code.LAST_MANAGER));
        }
        service.create(MARK, account("nina", Set.of(StaffRole.MANAGER)));
        service.disable(MARK, markId);
        assertThat(accounts.get(markId).isEnabled()).isFalse();
    }

    @Test
    void logOutRevokesOneTokenAndForgetsExpiredRevocations() {
        String olga = service.create(MARK, account("olga", Set.of(StaffRole.OPERATOR))).id();
        revoked.put("old", new RevokedStaffToken("old", olga, Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-31T00:00:00Z")));
        service.logOut(olga, "tok-1", Instant.parse("2026-03-01T22:00:00Z"), "198.51.100.1");
        assertThat(revoked).containsOnlyKeys("tok-1");
        assertThat(changes.fired).containsExactly(ConsoleAccessChange.token(olga, "tok-1"));
        assertThat(trail).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(StaffAuditAction.LOGGED_OUT);
            assertThat(e.actor()).isEqualTo("olga");
        });
        assertThat(accounts.get(olga).tokenVersion()).as("other logins stay").isZero();
    }

    @Test
    void unknownAccountsAreNamed() {
        assertThatThrownBy(() -> service.disable(MARK, "nope")).isInstanceOf(UnknownStaffAccountException.class);
    }
}
