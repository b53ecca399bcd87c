package org.supporthub.activation.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import org.supporthub.activation.application.PortalRecheckService;
import org.supporthub.activation.application.PortalStatusQueries;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.BotStates;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.PublicAddressChanged;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic re-check of connected portals: their licence and their public address. A failure
 * disconnects the bot and tells the portal's administrators once (the next runs find it already
 * disconnected); when the re-check passes again, the bot reconnects and says support is back.
 *
 * <p>A portal that claims a public address other than the one it proved is re-checked with the proof as
 * well (challenge over trusted TLS, as at activation): at once when it reports the change, then at each
 * periodic run until the proof passes. Only a passed proof moves the trusted address (and with it the
 * widget's origin); a failed one disconnects a connected bot.
 *
 * <p>A manager's "re-check now" ({@link PortalRecheckService}) runs this same re-check of one portal, under
 * the same rules, and answers what it found; one such run per portal at a time on an instance.
 */
@ApplicationScoped
public class PortalRecheck implements PortalRecheckService {

    private static final Logger LOG = Logger.getLogger(PortalRecheck.class.getName());

    @Inject
    ValidLicenseCheck license;

    @Inject
    PublicAddressCheck address;

    @Inject
    PortalProbeCheck probe;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ChatService chat;

    @Inject
    RecheckLog log;

    @Inject
    Clock clock;

    /** Portals a manager's re-check is running for on this instance. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<RecheckOutcome> recheckNow(String portalId) {
        if (!running.add(portalId)) {
            throw new RecheckRunningException(portalId);
        }
        try {
            Optional<Portal> before = log.portal(portalId);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            BotState was = before.get().botState();
            List<CheckResult> results = recheck(portalId);
            BotState now = log.portal(portalId).map(Portal::botState).orElse(was);
            return Optional.of(RecheckOutcome.of(portalId, was, now, results.stream()
                    .map(r -> new PortalStatusQueries.CheckSummary(r.area().name(), r.passed(), r.code(), r.detail(),
                            r.took().toMillis())).toList(), clock.instant()));
        } finally {
            running.remove(portalId);
        }
    }

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

    /**
     * A portal that had proven its address reported another one: prove the new one now (on the managed
     * executor, after the settings were committed), rather than at the next periodic run.
     */
    void addressChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @PublicAddressChanged String portalId) {
        Runnable proof = () -> {
            try {
                recheck(portalId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Proof of the new address of portal " + portalId + " failed", e);
            }
        };
        try {
            executor.execute(proof);
        } catch (RuntimeException refused) {
            // The periodic re-check proves it instead: a portal awaiting proof is one of its candidates.
            LOG.log(Level.WARNING, "Proof of the new address of portal " + portalId + " left to the periodic re-check",
                    refused);
        }
    }

    /** @return every check's result (nothing when the portal is gone) */
    List<CheckResult> recheck(String portalId) {
        // Read in a transaction: a timer thread has none, and a container's non-transactional persistence
        // context may already be closed when the next run comes.
        Optional<Portal> found = log.portal(portalId);
        if (found.isEmpty()) {
            return List.of();
        }
        Portal portal = found.get();
        ActivationSubject subject = new ActivationSubject(portal, systemUser(portal));
        // A claimed address that awaits proof is proven as at activation: the challenge over trusted TLS.
        Optional<PublicAddress> toProve = portal.addressAwaitsProof() ? Optional.of(portal.publicAddress())
                : Optional.empty();
        List<ActivationCheck> checks = toProve.isPresent() ? List.of(license, address, probe) : List.of(license, address);
        List<CheckResult> results = checks.stream().map(c -> c.run(subject)).toList();
        List<CheckResult> failed = results.stream().filter(r -> !r.passed()).toList();
        boolean changed;
        try {
            changed = failed.isEmpty() ? log.passed(portalId, toProve) : log.failed(portalId);
        } catch (PersistenceException | TransactionalException e) {
            // Another hub instance moved the bot at the same moment; it tells the administrators.
            return results;
        }
        if (changed) {
            chat.tellAdministrators(portalId, failed.isEmpty()
                    ? new ActivationOutcome(ActivationOutcome.Status.CONNECTED, List.of())
                    : DefaultActivationService.judge(failed));
        }
        return results;
    }

    /** The re-check acts for nobody in particular; checks that need a person do not run here. */
    private static PortalUser systemUser(Portal portal) {
        return new PortalUser(portal.id(), "support-hub", "Support Hub", true, List.of(), Optional.empty());
    }

    /** The re-check's database steps, each its own transaction guarded by the bot's optimistic lock. */
    @ApplicationScoped
    public static class RecheckLog {

        @Inject
        BotStates botStates;

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
            BotState before = portal.botState();
            portal.recheckFailed();
            botStates.announceIfMoved(portal, before);
            return true;
        }

        /**
         * @param proven the claimed address this run proved, if it proved one: from now on it is trusted
         * @return true when this run reconnected a bot that a re-check had disconnected
         */
        @Transactional
        public boolean passed(String portalId, Optional<PublicAddress> proven) {
            Portal portal = portals.find(portalId).orElseThrow();
            proven.ifPresent(portal::addressProven);
            if (portal.botState() != BotState.INSTALLED || !portal.disconnectedByRecheck()) {
                return false;
            }
            BotState before = portal.botState();
            portal.recheckPassed();
            botStates.announceIfMoved(portal, before);
            return true;
        }
    }
}
