package org.supporthub.core.application;

import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of staff accounts, as support managers run it: create, change roles, name and languages,
 * disable and enable, reset the password, revoke console logins, delete. Every change is written to the
 * staff audit trail in its own transaction, and every change that must end the account's console sessions
 * withdraws its console tokens (the sockets close after commit, on every hub instance).
 *
 * @see org.supporthub.core.domain.model.staff.StaffAccount
 */
public interface StaffAccountService {

    /** Who makes a change, and from which client address (for the audit trail). */
    record Actor(String username, String clientAddress) {
        /** Start-up tasks, such as creating the first manager. */
        public static Actor system() {
            return new Actor("system", null);
        }
    }

    record NewStaffAccount(String username, String displayName, Set<StaffRole> roles, Set<StaffLanguage> languages,
                           String password) {
    }

    /**
     * @throws InvalidStaffAccountException when the password breaks the policy
     * @throws StaffAccountConflictException when the user name is taken
     */
    StaffAccount create(Actor actor, NewStaffAccount account);

    List<StaffAccount> list(int offset, int limit);

    Optional<StaffAccount> find(String id);

    /** @throws StaffAccountConflictException when it would leave the hub without an enabled manager */
    StaffAccount changeRoles(Actor actor, String id, Set<StaffRole> roles);

    StaffAccount changeProfile(Actor actor, String id, String displayName, Set<StaffLanguage> languages);

    /** @throws StaffAccountConflictException when it would leave the hub without an enabled manager */
    StaffAccount disable(Actor actor, String id);

    StaffAccount enable(Actor actor, String id);

    /** @throws InvalidStaffAccountException when the password breaks the policy */
    StaffAccount resetPassword(Actor actor, String id, String password);

    /** Withdraws every console token of the account. */
    StaffAccount revokeTokens(Actor actor, String id);

    /**
     * Deletes the account. Conversations keep the staff member's name: each stored message carries its
     * author's name as it was when written, not a reference to the account.
     *
     * @throws StaffAccountConflictException when it would leave the hub without an enabled manager
     */
    void delete(Actor actor, String id);

    /**
     * A staff member picks the language of their own agent console; kept with the account, so it holds at
     * every login, in any browser. Not audited: a preference, not a change of anyone's access.
     *
     * @throws UnknownStaffAccountException when the account is gone
     */
    StaffAccount chooseConsoleLocale(String id, StaffLanguage language);

    /**
     * A staff member switches the agent console's notifications on or off (issue 13); kept with the account
     * like the console's language, and not audited either.
     *
     * @throws UnknownStaffAccountException when the account is gone
     */
    StaffAccount chooseConsoleNotifications(String id,
                                            org.supporthub.core.domain.model.staff.ConsoleNotifications choice);

    /** A staff member logs out of the console: this one token is withdrawn. */
    void logOut(String accountId, String tokenId, Instant tokenExpiresAt, String clientAddress);

    /** The audit trail, newest first. */
    List<StaffAuditEntry> audit(int offset, int limit);

    long auditSize();
}
