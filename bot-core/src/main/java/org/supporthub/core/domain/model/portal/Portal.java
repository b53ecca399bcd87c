package org.supporthub.core.domain.model.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotLifecycle;
import org.supporthub.core.domain.model.bot.BotState;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's self-hosted portal installation, registered with the hub, and its support bot.
 *
 * <p>The bot's state lives on the portal row and is guarded by optimistic locking: two simultaneous
 * requests that both read "INSTALLED" and try to start an activation cannot both commit.
 */
@Entity
@Table(name = "portal")
public class Portal {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "public_address", nullable = false, length = 2048)
    private String publicAddress;

    @Column(name = "public_origin", nullable = false, length = 2048)
    private String publicOrigin;

    /**
     * The public address the portal last proved its own (challenge answered over trusted TLS, at activation
     * or at a re-check), and its origin. Null while it never proved any. Kept apart from the claimed
     * {@link #publicAddress}: a portal may report a new address at any time, but the hub trusts it (widget
     * origin, connection) only once proven.
     */
    @Column(name = "verified_address", length = 2048)
    private String verifiedAddress;

    @Column(name = "verified_origin", length = 2048)
    private String verifiedOrigin;

    @Column(name = "license_key", nullable = false, length = 4096)
    private String licenseKey;

    @Column(name = "product_version", nullable = false, length = 40)
    private String productVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "locale", nullable = false, length = 5)
    private SupportLocale locale;

    @Column(name = "secret_hash", nullable = false, length = 100)
    private String secretHash;

    @Column(name = "secret_sealed", nullable = false, length = 400)
    private String secretSealed;

    @Enumerated(EnumType.STRING)
    @Column(name = "bot_state", nullable = false, length = 20)
    private BotState botState;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set while a periodic re-check, not the portal, has disconnected the bot: it reconnects by itself. */
    @Column(name = "disconnected_by_recheck", nullable = false)
    private boolean disconnectedByRecheck;

    /** Written by a bulk update, so a heartbeat never collides with the bot's optimistic lock. */
    @Column(name = "last_heartbeat_at", insertable = false, updatable = false)
    private Instant lastHeartbeatAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Portal() {
        // for JPA
    }

    public Portal(String id, String name, PublicAddress publicAddress, String licenseKey, String productVersion,
                  SupportLocale locale, PortalCredentials credentials, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.publicAddress = publicAddress.value();
        this.publicOrigin = publicAddress.origin();
        this.licenseKey = Objects.requireNonNull(licenseKey);
        this.productVersion = Objects.requireNonNull(productVersion);
        this.locale = Objects.requireNonNull(locale);
        this.secretHash = credentials.secretHash();
        this.secretSealed = credentials.secretSealed();
        this.botState = BotState.DISABLED;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /**
     * Moves the bot by the lifecycle table.
     *
     * @return the state before the event
     * @throws org.supporthub.core.domain.model.bot.IllegalBotTransitionException when the table refuses it
     */
    public BotState apply(BotEvent event) {
        BotState before = botState;
        botState = BotLifecycle.apply(botState, event);
        if (event == BotEvent.ACTIVATION_STARTED || event == BotEvent.CHANNEL_DISABLED) {
            // The portal took over: a manual activation or switching off ends "waiting for the re-check".
            disconnectedByRecheck = false;
        }
        return before;
    }

    /**
     * The portal's administrator changed its settings ("Public site address", licence key, or the portal
     * was updated). The bot's state stays: a connected bot is re-checked by the periodic re-check. A new
     * address is only claimed: the proven one keeps the widget's origin until the new one is proven.
     *
     * @return true when the portal had proven an address and now claims another, which awaits proof
     */
    public boolean updateSettings(PublicAddress address, String licenseKey, String productVersion) {
        boolean moved = !address.value().equals(publicAddress);
        this.publicAddress = address.value();
        this.publicOrigin = address.origin();
        this.licenseKey = Objects.requireNonNull(licenseKey);
        this.productVersion = Objects.requireNonNull(productVersion);
        return moved && addressAwaitsProof();
    }

    /** The portal proved that this address is its own: from now on the hub trusts it. */
    public void addressProven(PublicAddress address) {
        this.verifiedAddress = address.value();
        this.verifiedOrigin = address.origin();
    }

    /** The address the portal last proved its own; empty while it never proved one. */
    public java.util.Optional<PublicAddress> verifiedAddress() {
        return java.util.Optional.ofNullable(verifiedAddress).map(PublicAddress::of);
    }

    /** Whether the portal claims an address other than the one it proved (which stays the trusted one). */
    public boolean addressAwaitsProof() {
        return verifiedAddress != null && !verifiedAddress.equals(publicAddress);
    }

    /**
     * The only web origin the portal's widget may connect from: the proven address's. A portal that never
     * proved any address (it is not connected, its bot only explains and offers activation) uses the claimed
     * one, as the widget is where its administrator starts the first activation.
     */
    public String widgetOrigin() {
        return verifiedOrigin != null ? verifiedOrigin : publicOrigin;
    }

    /** A periodic re-check failed: back to the plain bot, remembering why. */
    public void recheckFailed() {
        apply(BotEvent.RECHECK_FAILED);
        disconnectedByRecheck = true;
    }

    /** A periodic re-check passes again after it had disconnected the bot. */
    public void recheckPassed() {
        if (!disconnectedByRecheck) {
            throw new org.supporthub.core.domain.model.bot.IllegalBotTransitionException(botState, BotEvent.RECHECK_PASSED);
        }
        apply(BotEvent.RECHECK_PASSED);
        disconnectedByRecheck = false;
    }

    public boolean disconnectedByRecheck() {
        return disconnectedByRecheck;
    }

    public boolean supportChannelEnabled() {
        return botState != BotState.DISABLED;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public PublicAddress publicAddress() {
        return PublicAddress.of(publicAddress);
    }

    public String publicOrigin() {
        return publicOrigin;
    }

    public String licenseKey() {
        return licenseKey;
    }

    public String productVersion() {
        return productVersion;
    }

    public SupportLocale locale() {
        return locale;
    }

    public String secretHash() {
        return secretHash;
    }

    public String secretSealed() {
        return secretSealed;
    }

    public BotState botState() {
        return botState;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the portal's server last reached the hub, if ever. */
    public java.util.Optional<Instant> lastHeartbeatAt() {
        return java.util.Optional.ofNullable(lastHeartbeatAt);
    }

    public long version() {
        return version;
    }
}
