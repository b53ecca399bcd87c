package org.supporthub.routing.domain.model.channel;

import java.util.List;

/**
 * How an open channel treats a support session beyond whom it is offered to: what the administrator is
 * told when asking (welcome, out of hours), the dates the team does not work, when a quiet session closes
 * by itself, whether the administrator is asked to rate it, and the operators' canned responses.
 *
 * @param welcomeMessage    said by the bot when a session opens; null or blank: nothing extra
 * @param outOfHoursMessage said by the bot when a question arrives outside working hours; null or blank:
 *                          only the standard notice
 * @param daysOff           dates ({@code yyyy-MM-dd}, in the channel's time zone) without working hours,
 *                          such as public holidays
 * @param autoCloseMinutes  an assigned session with no message for this long is closed; 0: never
 * @param voteOnClose       whether the administrator is asked to rate a closed session
 * @param cannedResponses   prepared answers, in the order operators see them
 */
public record SessionSettings(String welcomeMessage, String outOfHoursMessage, List<String> daysOff,
                              int autoCloseMinutes, boolean voteOnClose, List<CannedResponse> cannedResponses) {

    public static final int MAX_MESSAGE = 1000;
    public static final int MAX_AUTO_CLOSE_MINUTES = 7 * 24 * 60;
    public static final int MAX_CANNED = 50;

    public SessionSettings {
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        cannedResponses = cannedResponses == null ? List.of() : List.copyOf(cannedResponses);
    }

    /** No extra messages, no days off, never auto-closed, a vote on close, no canned responses. */
    public static SessionSettings defaults() {
        return new SessionSettings(null, null, List.of(), 0, true, List.of());
    }
}
