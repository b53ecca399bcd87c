package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.InvalidStaffAccountException;
import org.supporthub.core.application.StaffAccountConflictException;
import org.supporthub.core.application.StaffAccountService;
import org.supporthub.core.application.UnknownStaffAccountException;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.core.domain.model.staff.PasswordHashes;
import org.supporthub.core.domain.model.staff.PasswordPolicy;
import org.supporthub.core.domain.model.staff.RevokedStaffToken;
import org.supporthub.core.domain.model.staff.RevokedStaffTokenRepository;
import org.supporthub.core.domain.model.staff.StaffAccessRevoked;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffAuditAction;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffAuditRepository;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DefaultStaffAccountService implements StaffAccountService {

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffAuditRepository audit;

    @Inject
    RevokedStaffTokenRepository revoked;

    @Inject
    PasswordHashes hashes;

    @Inject
    Clock clock;

    @Inject
    @StaffAccessRevoked
    Event<ConsoleAccessChange> accessRevoked;

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Override
    @Transactional
    public StaffAccount create(Actor actor, NewStaffAccount request) {
        checkPassword(request.username(), request.password());
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new StaffAccountConflictException(StaffAccountConflictException.Code.USERNAME_TAKEN,
                    "Another account has the user name " + request.username());
        }
        StaffAccount account = new StaffAccount(UUID.randomUUID().toString(), request.username(),
                request.displayName().strip(), hashes.hash(request.password().toCharArray()), request.roles(),
                request.languages(), clock.instant());
        accounts.store(account);
        record(actor, StaffAuditAction.CREATED, account, "roles " + roles(account.roles()) + ", languages "
                + languages(account.languages()));
        return account;
    }

    @Override
    @Transactional
    public List<StaffAccount> list(int offset, int limit) {
        return accounts.list(offset, limit);
    }

    @Override
    @Transactional
    public Optional<StaffAccount> find(String id) {
        return accounts.find(id);
    }

    @Override
    @Transactional
    public StaffAccount changeRoles(Actor actor, String id, Set<StaffRole> roles) {
        StaffAccount account = existing(id);
        String before = roles(account.roles());
        if (account.hasRole(StaffRole.MANAGER) && !roles.contains(StaffRole.MANAGER)) {
            keepAManager(account);
        }
        boolean consoleEnded = account.changeRoles(roles);
        record(actor, StaffAuditAction.ROLES_CHANGED, account, before + " -> " + roles(account.roles()));
        if (consoleEnded) {
            accessRevoked.fire(ConsoleAccessChange.account(account.id()));
        }
        return account;
    }

    @Override
    @Transactional
    public StaffAccount changeProfile(Actor actor, String id, String displayName, Set<StaffLanguage> languages) {
        StaffAccount account = existing(id);
        String before = account.displayName() + " (" + languages(account.languages()) + ")";
        account.rename(displayName.strip());
        account.changeLanguages(languages);
        record(actor, StaffAuditAction.PROFILE_CHANGED, account,
                before + " -> " + account.displayName() + " (" + languages(account.languages()) + ")");
        return account;
    }

    @Override
    @Transactional
    public StaffAccount chooseConsoleNotifications(String id,
                                                   org.supporthub.core.domain.model.staff.ConsoleNotifications choice) {
        StaffAccount account = existing(id);
        account.chooseConsoleNotifications(java.util.Objects.requireNonNull(choice));
        return account;
    }

    @Override
    @Transactional
    public StaffAccount chooseConsoleLocale(String id, StaffLanguage language) {
        StaffAccount account = existing(id);
        account.chooseConsoleLocale(java.util.Objects.requireNonNull(language));
        return account;
    }

    @Override
    @Transactional
    public StaffAccount disable(Actor actor, String id) {
        StaffAccount account = existing(id);
        if (!account.isEnabled()) {
            return account;
        }
        if (account.hasRole(StaffRole.MANAGER)) {
            keepAManager(account);
        }
        account.disable();
        record(actor, StaffAuditAction.DISABLED, account, null);
        accessRevoked.fire(ConsoleAccessChange.account(account.id()));
        return account;
    }

    @Override
    @Transactional
    public StaffAccount enable(Actor actor, String id) {
        StaffAccount account = existing(id);
        if (!account.isEnabled()) {
            account.enable();
            record(actor, StaffAuditAction.ENABLED, account, null);
        }
        return account;
    }

    @Override
    @Transactional
    public StaffAccount resetPassword(Actor actor, String id, String password) {
        StaffAccount account = existing(id);
        checkPassword(account.username(), password);
        account.resetPassword(hashes.hash(password.toCharArray()));
        record(actor, StaffAuditAction.PASSWORD_RESET, account, null);
        accessRevoked.fire(ConsoleAccessChange.account(account.id()));
        return account;
    }

    @Override
    @Transactional
    public StaffAccount revokeTokens(Actor actor, String id) {
        StaffAccount account = existing(id);
        account.revokeTokens();
        record(actor, StaffAuditAction.TOKENS_REVOKED, account, null);
        accessRevoked.fire(ConsoleAccessChange.account(account.id()));
        return account;
    }

    @Override
    @Transactional
    public void delete(Actor actor, String id) {
        StaffAccount account = existing(id);
        if (account.isEnabled() && account.hasRole(StaffRole.MANAGER)) {
            keepAManager(account);
        }
        record(actor, StaffAuditAction.DELETED, account, "was " + account.displayName() + ", roles "
                + roles(account.roles()));
        accounts.remove(account);
        accessRevoked.fire(ConsoleAccessChange.account(account.id()));
    }

    @Override
    @Transactional
    public void logOut(String accountId, String tokenId, Instant tokenExpiresAt, String clientAddress) {
        Instant now = clock.instant();
        revoked.revoke(new RevokedStaffToken(tokenId, accountId, tokenExpiresAt, now));
        accounts.find(accountId).ifPresent(account -> record(new Actor(account.username(), clientAddress),
                StaffAuditAction.LOGGED_OUT, account, "token " + tokenId));
        // Revocations of expired tokens guard nothing any more: the signature check refuses those alone.
        revoked.purgeExpired(now);
        accessRevoked.fire(ConsoleAccessChange.token(accountId, tokenId));
    }

    @Override
    @Transactional
    public List<StaffAuditEntry> audit(int offset, int limit) {
        return audit.newest(offset, limit);
    }

    @Override
    @Transactional
    public long auditSize() {
        return audit.count();
    }

    private StaffAccount existing(String id) {
        return accounts.find(id).orElseThrow(() -> new UnknownStaffAccountException(id));
    }

    private void checkPassword(String username, String password) {
        policy.problem(username, password).ifPresent(problem -> {
            throw new InvalidStaffAccountException(Map.of("password", problem));
        });
    }

    /** Refuses to take the manager role (or the account) away from the last enabled manager. */
    private void keepAManager(StaffAccount account) {
        if (account.isEnabled() && accounts.countEnabledWithRole(StaffRole.MANAGER) <= 1) {
            throw new StaffAccountConflictException(StaffAccountConflictException.Code.LAST_MANAGER,
                    account.username() + " is the last enabled manager; the hub would have nobody to manage it");
        }
    }

    private void record(Actor actor, StaffAuditAction action, StaffAccount account, String detail) {
        audit.record(new StaffAuditEntry(UUID.randomUUID().toString(), clock.instant(), actor.username(), action,
                account, detail, actor.clientAddress()));
    }

    private static String roles(Set<StaffRole> roles) {
        return roles.stream().map(StaffRole::roleName).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String languages(Set<StaffLanguage> languages) {
        return languages.stream().map(StaffLanguage::tag).collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
