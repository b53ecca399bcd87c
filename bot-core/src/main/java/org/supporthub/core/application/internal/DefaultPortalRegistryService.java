package org.supporthub.core.application.internal;

import org.supporthub.core.application.BotStates;
import org.supporthub.core.application.BotTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.supporthub.core.application.InvalidRegistrationException;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.RegisteredPortal;
import org.supporthub.core.application.UnknownPortalException;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.PublicAddressChanged;
import org.supporthub.core.domain.model.portal.SupportChannelDisabled;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.infrastructure.security.SecretSealer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

@ApplicationScoped
public class DefaultPortalRegistryService implements PortalRegistryService {

    private static final Logger LOG = Logger.getLogger(DefaultPortalRegistryService.class.getName());

    /** How many conversations one write of the channel-off notice takes (the IN list stays short). */
    static final int NOTICE_SLICE = 500;

    @Inject
    BotStates botStates;

    @Inject
    PortalRepository portals;

    @Inject
    PortalSecrets secrets;

    @Inject
    ConversationLog conversations;

    @Inject
    BotTexts texts;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    @SupportChannelDisabled
    Event<String> channelDisabled;

    @Inject
    @PublicAddressChanged
    Event<String> addressChanged;

    @Override
    @Transactional
    public RegisteredPortal register(PortalRegistration registration) {
        return register(UUID.randomUUID().toString(), registration);
    }

    @Override
    @Transactional
    public RegisteredPortal register(String portalId, PortalRegistration registration) {
        PublicAddress address = validated(registration);
        String secret = secrets.newSecret();
        Portal portal = new Portal(portalId, registration.name().trim(), address,
                registration.licenseKey().trim(), registration.productVersion(),
                SupportLocale.fromTag(registration.locale()).orElseThrow(), secrets.credentialsFor(portalId, secret),
                clock.instant());
        portals.store(portal);
        return new RegisteredPortal(portal.id(), secret);
    }

    @Override
    @Transactional
    public Portal updateSettings(String portalId, PortalRegistration settings) {
        PublicAddress address = validated(settings);
        Portal portal = portals.find(portalId).orElseThrow(() -> new UnknownPortalException(portalId));
        if (portal.updateSettings(address, settings.licenseKey().trim(), settings.productVersion())) {
            // Observed after the commit: the new address is proven (or not) by the activation module.
            addressChanged.fire(portalId);
        }
        return portal;
    }

    /** The registration's fields checked one by one; the parsed public address when all are valid. */
    private PublicAddress validated(PortalRegistration registration) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<PortalRegistration> v : validator.validate(registration)) {
            errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
        }
        Optional<PublicAddress> address = PublicAddress.parse(registration.publicAddress());
        if (address.isEmpty() && !errors.containsKey("publicAddress")) {
            errors.put("publicAddress", "must be an absolute http(s) URL with a host, such as https://portal.example.com");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        return address.get();
    }

    @Override
    public Optional<Portal> authenticate(String portalId, String secret) {
        return portals.find(portalId).filter(p -> secrets.matches(p, secret));
    }

    @Override
    public Optional<Portal> find(String portalId) {
        return portals.find(portalId);
    }

    @Override
    @Transactional
    public BotState setSupportChannel(String portalId, boolean enabled) {
        Portal portal = portals.find(portalId).orElseThrow(() -> new UnknownPortalException(portalId));
        if (portal.supportChannelEnabled() == enabled) {
            return portal.botState();
        }
        botStates.apply(portal, enabled ? BotEvent.CHANNEL_ENABLED : BotEvent.CHANNEL_DISABLED);
        if (!enabled) {
            String notice = texts.channelDisabled(portal.locale());
            List<String> ids = conversations.conversationIds(portalId);
            // In slices, each one locking read and one flush, not a lock and an insert per conversation.
            for (int from = 0; from < ids.size(); from += NOTICE_SLICE) {
                conversations.appendAll(ids.subList(from, Math.min(ids.size(), from + NOTICE_SLICE)).stream()
                        .map(id -> ConversationLog.Append.fromHub(id, notice)).toList());
            }
            channelDisabled.fire(portalId);
        }
        return portal.botState();
    }

    @Override
    public byte[] challengeKey(Portal portal) {
        return secrets.challengeKey(portal);
    }

    @Override
    @Transactional
    public int resealLegacySecrets() {
        int resealed = 0;
        for (Portal portal : portals.withSecretNotSealedAs(SecretSealer.PREFIX)) {
            try {
                Optional<String> sealed = secrets.resealed(portal);
                if (sealed.isPresent() && portals.replaceSealedSecret(portal.id(), portal.secretSealed(), sealed.get())) {
                    resealed++;
                }
            } catch (IllegalStateException e) {
                // Left as it is: such a portal's tokens and challenge fail until it registers again, and the
                // operator must hear of it. The other portals are upgraded all the same.
                LOG.log(Level.SEVERE, "Portal " + portal.id() + ": its sealed secret was not sealed again", e);
            }
        }
        if (resealed > 0) {
            LOG.info("Sealed " + resealed + " portal secret(s) again, bound to their portal");
        }
        return resealed;
    }

    @Override
    @Transactional
    public java.time.Instant heartbeat(String portalId) {
        java.time.Instant now = clock.instant();
        portals.recordHeartbeat(portalId, now);
        return now;
    }

    @Override
    public boolean isPortalOrigin(String origin) {
        return PublicAddress.originOf(origin).map(portals::existsWithOrigin).orElse(false);
    }
}
