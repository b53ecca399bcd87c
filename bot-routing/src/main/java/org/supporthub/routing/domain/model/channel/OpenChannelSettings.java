package org.supporthub.routing.domain.model.channel;

import org.supporthub.routing.domain.model.RoutingMode;

import java.util.List;

/**
 * Everything a manager sets on an open channel. Values are kept as entered; {@link OpenChannelRules}
 * judges them.
 *
 * @param language     {@code pl} or {@code en}: the portals it serves speak this language
 * @param edition      the licence edition it serves ({@code commercial})
 * @param workingDays  comma-separated days, {@code MON} to {@code SUN}
 * @param workingFrom  {@code HH:mm}, in {@code timeZone}
 * @param workingTo    {@code HH:mm}; before {@code workingFrom} the shift runs past midnight, equal to it
 *                     means around the clock (see {@link WorkingHours})
 * @param operators    staff user names, in the order {@code STRICT} routing offers sessions to them
 * @param session      messages, days off, auto-close, vote and canned responses
 */
public record OpenChannelSettings(String name, String language, String edition, boolean enabled,
                                  RoutingMode routingMode, int queueTimeSeconds, int capacity,
                                  boolean countOnlyAnswered, String timeZone, String workingDays, String workingFrom,
                                  String workingTo, List<String> operators, SessionSettings session) {

    public OpenChannelSettings {
        operators = operators == null ? List.of() : List.copyOf(operators);
        session = session == null ? SessionSettings.defaults() : session;
    }

    /** Routing settings only; the session settings take their {@link SessionSettings#defaults() defaults}. */
    public OpenChannelSettings(String name, String language, String edition, boolean enabled,
                               RoutingMode routingMode, int queueTimeSeconds, int capacity,
                               boolean countOnlyAnswered, String timeZone, String workingDays, String workingFrom,
                               String workingTo, List<String> operators) {
        this(name, language, edition, enabled, routingMode, queueTimeSeconds, capacity, countOnlyAnswered, timeZone,
                workingDays, workingFrom, workingTo, operators, SessionSettings.defaults());
    }
}
