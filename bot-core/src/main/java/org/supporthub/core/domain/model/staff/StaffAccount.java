package org.supporthub.core.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A login of the vendor's support staff (an operator, or a support manager) to the hub.
 *
 * <p>Only a password hash is kept ({@code PBKDF2WithHmacSHA256:iterations:salt:hash}, the format Jakarta
 * Security's {@code Pbkdf2PasswordHash} writes, so hashes made before this class hashed them still verify).
 *
 * <p>The <em>token version</em> is how console logins are withdrawn: every console token names the version
 * it was issued under, and any change that must end the account's console sessions (disabled, the operator
 * role removed, a new password, all tokens revoked) moves the version on. Every hub instance sees the new
 * version in the shared database, so a token refused on one instance is refused on all.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    /** Role names, comma separated. */
    @Column(name = "roles", nullable = false, length = 200)
    private String roles;

    /** Language tags the staff member answers in, comma separated (pl, en). */
    @Column(name = "languages", nullable = false, length = 20)
    private String languages;

    /**
     * The language of the agent console the staff member picked for themselves ({@code pl}, {@code en}), or
     * null while they picked none (the console then speaks the browser's language).
     */
    @Column(name = "console_locale", length = 5)
    private String consoleLocale;

    /** The console's notifications the staff member keeps on (migration V91); see {@link ConsoleNotifications}. */
    @Column(name = "notify_offers", nullable = false)
    private boolean notifyOffers = true;

    @Column(name = "notify_messages", nullable = false)
    private boolean notifyMessages = true;

    @Column(name = "notify_returns", nullable = false)
    private boolean notifyReturns = true;

    @Column(name = "notify_sound", nullable = false)
    private boolean notifySound = true;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "token_version", nullable = false)
    private long tokenVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StaffAccount() {
        // for JPA
    }

    public StaffAccount(String id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
                        Instant createdAt) {
        this(id, username, displayName, passwordHash, roles, Set.of(StaffLanguage.EN), createdAt);
    }

    public StaffAccount(String id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
                        Set<StaffLanguage> languages, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.enabled = true;
        changeRoles(roles);
        changeLanguages(languages);
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<StaffRole> roles() {
        return Arrays.stream(roles.split(",")).map(StaffRole::fromRoleName).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(StaffRole role) {
        return roles().contains(role);
    }

    public Set<StaffLanguage> languages() {
        return languages.isEmpty() ? Set.of() : Arrays.stream(languages.split(",")).map(StaffLanguage::fromTag)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The console language the staff member chose, if any. */
    public Optional<StaffLanguage> consoleLocale() {
        return StaffLanguage.find(consoleLocale);
    }

    /** A preference of the staff member's own: nothing about their access changes. */
    public void chooseConsoleLocale(StaffLanguage language) {
        this.consoleLocale = language.tag();
    }

    /** Which of the console's notifications the staff member keeps on. */
    public ConsoleNotifications consoleNotifications() {
        return new ConsoleNotifications(notifyOffers, notifyMessages, notifyReturns, notifySound);
    }

    /** A preference of the staff member's own, like the console's language. */
    public void chooseConsoleNotifications(ConsoleNotifications choice) {
        this.notifyOffers = choice.offers();
        this.notifyMessages = choice.messages();
        this.notifyReturns = choice.returns();
        this.notifySound = choice.sound();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long tokenVersion() {
        return tokenVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether this account may hold a console login at all: enabled, with the operator role. */
    public boolean mayUseConsole() {
        return enabled && hasRole(StaffRole.OPERATOR);
    }

    /** @return whether the change withdrew the console logins (the operator role was taken away) */
    public boolean changeRoles(Set<StaffRole> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("A staff account needs at least one role");
        }
        boolean losesConsole = roles != null && hasRole(StaffRole.OPERATOR) && !newRoles.contains(StaffRole.OPERATOR);
        this.roles = newRoles.stream().map(StaffRole::roleName).sorted().collect(Collectors.joining(","));
        if (losesConsole) {
            revokeTokens();
        }
        return losesConsole;
    }

    public void rename(String newDisplayName) {
        this.displayName = Objects.requireNonNull(newDisplayName);
    }

    public void changeLanguages(Set<StaffLanguage> newLanguages) {
        this.languages = newLanguages.stream().map(StaffLanguage::tag).sorted().collect(Collectors.joining(","));
    }

    /** Ends the account's console logins and refuses new ones. */
    public void disable() {
        if (enabled) {
            enabled = false;
            revokeTokens();
        }
    }

    public void enable() {
        enabled = true;
    }

    /** A new password set by a manager: the old one's console logins end. */
    public void resetPassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        revokeTokens();
    }

    /** The same password, hashed again at a higher work factor after a successful login; logins stay. */
    public void rehash(String strongerHash) {
        this.passwordHash = Objects.requireNonNull(strongerHash);
    }

    /** Every console token issued so far stops being accepted. */
    public void revokeTokens() {
        tokenVersion++;
    }
}
