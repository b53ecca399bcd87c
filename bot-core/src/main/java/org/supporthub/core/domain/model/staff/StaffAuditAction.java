package org.supporthub.core.domain.model.staff;

/** What was done to a staff account. */
public enum StaffAuditAction {
    CREATED,
    ROLES_CHANGED,
    PROFILE_CHANGED,
    DISABLED,
    ENABLED,
    PASSWORD_RESET,
    /** A manager withdrew every console login of the account. */
    TOKENS_REVOKED,
    /** The staff member logged out of the console (their own token withdrawn). */
    LOGGED_OUT,
    DELETED,
    /** Failed logins in a row locked the account (the actor is the hub itself). */
    LOCKED_OUT,
    /** A manager lifted a lock-out. */
    LOCKOUT_LIFTED
}
