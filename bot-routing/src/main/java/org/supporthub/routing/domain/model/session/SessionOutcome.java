package org.supporthub.routing.domain.model.session;

/**
 * How a support session turned out, as the managers' reports count it. Every closed session has exactly
 * one outcome, decided when it closes by {@link #of}; the order of the rules there is the definition:
 * <ol>
 *   <li>{@link #CLOSED_BY_ADMINISTRATOR}: the administrator ended it, answered or not (they gave up
 *       waiting, or had what they needed);</li>
 *   <li>{@link #MISSED}: no operator ever replied, whoever closed it (an operator closing spam from the
 *       queue, or the inactivity close of a session an operator took but never answered);</li>
 *   <li>{@link #AUTO_CLOSED}: answered, then closed because nobody wrote for the channel's auto-close time;</li>
 *   <li>{@link #ANSWERED}: answered, and closed by an operator.</li>
 * </ol>
 */
public enum SessionOutcome {
    ANSWERED, MISSED, CLOSED_BY_ADMINISTRATOR, AUTO_CLOSED;

    public static SessionOutcome of(SessionEnd end, boolean answered) {
        if (end == SessionEnd.ADMINISTRATOR) {
            return CLOSED_BY_ADMINISTRATOR;
        }
        if (!answered) {
            return MISSED;
        }
        return end == SessionEnd.INACTIVITY ? AUTO_CLOSED : ANSWERED;
    }
}
