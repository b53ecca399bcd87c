package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic re-check of connected portals: their licence and their public address. A failure
 * disconnects the bot and tells the portal's administrators once (the next runs find it already
 * disconnected); when the re-check passes again, the bot reconnects and says support is back.
 */
@ApplicationScoped
public class PortalRecheck {

    private static final Logger LOG = Logger.getLogger(PortalRecheck.class.getName());

    @Inject
    ValidLicenseCheck license;

    @Inject
    PublicAddressCheck address;

    @Inject
    ChatService chat;

    @Inject
    RecheckLog log;

    /** Re-checks every candidate portal; one portal's trouble does not stop the others. */
    public void recheckAll() {
        for (String portalId : log.candidates()) {
            try {
                recheck(portalId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Re-check of portal " + portalId + " failed", e);
            }
        }
    }

    void recheck(String portalId) {
        // Read in a transaction: a timer thread has none, and a container's non-transactional persistence
        // context may already be closed when the next run comes.
        Optional<Portal> found = log.portal(portalId);
        if (found.isEmpty()) {
            return;
        }
        Portal portal = found.get();
        ActivationSubject subject = new ActivationSubject(portal, systemUser(portal));
        List<CheckResult> failed = List.of(license, address).stream().map(c -> ((ActivationCheck) c).run(subject))
                .filter(r -> !r.passed()).toList();
        boolean changed;
        try {
            changed = failed.isEmpty() ? log.passed(portalId) : log.failed(portalId);
        } catch (PersistenceException | TransactionalException e) {
            // Another hub instance moved the bot at the same moment; it tells the administrators.
            return;
        }
        if (changed) {
            chat.tellAdministrators(portalId, failed.isEmpty()
                    ? new ActivationOutcome(ActivationOutcome.Status.CONNECTED, List.of())
                    : DefaultActivationService.judge(failed));
        }
    }

    /** The re-check acts for nobody in particular; checks that need a person do not run here. */
    private static PortalUser systemUser(Portal portal) {
        return new PortalUser(portal.id(), "support-hub", "Support Hub", true, List.of(), Optional.empty());
    }

    /** The re-check's database steps, each its own transaction guarded by the bot's optimistic lock. */
    @ApplicationScoped
    public static class RecheckLog {

        @Inject
        PortalRepository portals;

        @Transactional
        public Optional<Portal> portal(String portalId) {
            return portals.find(portalId);
        }

        @Transactional
        public List<String> candidates() {
            return portals.recheckCandidates();
        }

        /** @return true when this run disconnected the bot (so the administrators are told, once) */
        @Transactional
        public boolean failed(String portalId) {
            Portal portal = portals.find(portalId).orElseThrow();
            if (portal.botState() != BotState.CONNECTED) {
                return false;
            }
            portal.recheckFailed();
            return true;
        }

        /** @return true when this run reconnected a bot that a re-check had disconnected */
        @Transactional
        public boolean passed(String portalId) {
            Portal portal = portals.find(portalId).orElseThrow();
            if (portal.botState() != BotState.INSTALLED || !portal.disconnectedByRecheck()) {
                return false;
            }
            portal.recheckPassed();
            return true;
        }
    }
}
