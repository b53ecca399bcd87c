package org.supporthub.activation.application;

import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.core.domain.model.bot.BotState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every registered portal as the vendor's managers look after them: the bot's state, what the portal's
 * licence grants, its product version, when its server last reached the hub, and its latest activation
 * with each check's result and timing. Reads only; a page costs the same few queries whatever its size
 * (the page, its total, and the latest reports of its portals with their checks).
 */
public interface PortalStatusQueries {

    /** Largest page one call returns. */
    int MAX_PAGE = 100;

    /**
     * One page of portals by name, filtered.
     *
     * @param offset how many matching portals to skip
     * @param limit  at most this many, 1..{@value #MAX_PAGE}
     */
    PortalPage portals(PortalFilter filter, int offset, int limit);

    Optional<PortalStatus> portal(String portalId);

    /**
     * What a manager narrows the list by; each part is optional (null matches every portal).
     *
     * @param search       words of the portal's name, public address or id (case-blind)
     * @param state        the bot's state
     * @param failingCheck an area that failed in the portal's latest activation
     */
    record PortalFilter(String search, BotState state, CheckArea failingCheck) {
        public static PortalFilter all() {
            return new PortalFilter(null, null, null);
        }
    }

    record PortalPage(List<PortalStatus> items, int offset, int limit, long total) {
    }

    /**
     * @param verifiedAddress       the address the portal last proved its own, or null
     * @param disconnectedByRecheck a periodic re-check disconnected the bot; it reconnects when one passes
     * @param license               what the portal's licence key says, read with the vendor's public key
     * @param latestActivation      null when the portal was never activated
     */
    record PortalStatus(String id, String name, String publicAddress, String verifiedAddress, String locale,
                        BotState botState, boolean disconnectedByRecheck, String productVersion,
                        Instant lastHeartbeatAt, Instant createdAt, LicenseSummary license,
                        ActivationSummary latestActivation) {
    }

    /**
     * @param status   {@code VALID}, {@code INVALID}, {@code EXPIRED} or {@code DEMO} (LicenseCheck's verdicts),
     *                 or {@code UNKNOWN} when the hub has no vendor public key to read it with
     * @param edition  {@code commercial} or {@code demo}; null when the key could not be read
     * @param expires  null when the key could not be read
     */
    record LicenseSummary(String status, String edition, LocalDate expires, String licensee, String domain) {
    }

    /**
     * @param outcome   how the run ended
     * @param errorCode a failure of the run as a whole ({@code ACTIVATION_INTERRUPTED}...), else null
     */
    record ActivationSummary(String outcome, String errorCode, String errorDetail, String requestedByName,
                             Instant startedAt, Instant finishedAt, List<CheckSummary> checks) {
    }

    /** One check of a run: its area, whether it passed, its codes if not, and how long it took. */
    record CheckSummary(String area, boolean passed, String code, String detail, long millis) {
    }
}
