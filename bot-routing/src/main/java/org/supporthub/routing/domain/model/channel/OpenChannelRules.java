package org.supporthub.routing.domain.model.channel;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether an open channel can serve portals, field by field: the names of the fields that are wrong,
 * so that a manager (and the activation report) knows exactly what to fix.
 */
public final class OpenChannelRules {

    public static final int MIN_QUEUE_TIME = 10;
    public static final int MAX_QUEUE_TIME = 3600;
    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 100;
    static final Set<String> LANGUAGES = Set.of("pl", "en");
    static final Set<String> EDITIONS = Set.of("commercial");

    /** What each rule asks of its field, as a manager reads it next to the field. */
    private static final Map<String, String> WHAT_IS_ASKED = Map.ofEntries(
            Map.entry("name", "must be 1-200 characters"),
            Map.entry("language", "must be 'pl' or 'en'"),
            Map.entry("edition", "must be 'commercial'"),
            Map.entry("enabled", "must be switched on to serve portals"),
            Map.entry("routingMode", "must be STRICT, EVENLY, ALL or MANUAL"),
            Map.entry("queueTimeSeconds", "must be " + MIN_QUEUE_TIME + "-" + MAX_QUEUE_TIME + " seconds"),
            Map.entry("capacity", "must be " + MIN_CAPACITY + "-" + MAX_CAPACITY + " sessions"),
            Map.entry("timeZone", "must be a time zone such as Europe/Warsaw"),
            Map.entry("workingDays", "must be days such as MON,TUE,WED, each once"),
            Map.entry("workingHours", "must be times HH:mm"),
            Map.entry("operators", "must name operators (staff with the operator role), each once"),
            Map.entry("welcomeMessage", "must be at most " + SessionSettings.MAX_MESSAGE + " characters"),
            Map.entry("outOfHoursMessage", "must be at most " + SessionSettings.MAX_MESSAGE + " characters"),
            Map.entry("daysOff", "must be dates yyyy-MM-dd"),
            Map.entry("autoCloseMinutes", "must be 0-" + SessionSettings.MAX_AUTO_CLOSE_MINUTES + " minutes"),
            Map.entry("cannedResponses", "must be at most " + SessionSettings.MAX_CANNED
                    + " responses, each with a title and a text"));

    private OpenChannelRules() {
    }

    /** What the rule of a field {@link #invalidFields} named asks for, in words. */
    public static String whatIsAsked(String field) {
        return WHAT_IS_ASKED.getOrDefault(field, "is not valid");
    }

    /**
     * @param isOperator whether a user name is an existing account with the operator role
     * @return the invalid fields, in a fixed order; empty when the channel can serve
     */
    public static List<String> invalidFields(OpenChannelSettings s, Predicate<String> isOperator) {
        List<String> invalid = new ArrayList<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
            invalid.add("name");
        }
        if (!LANGUAGES.contains(s.language())) {
            invalid.add("language");
        }
        if (!EDITIONS.contains(s.edition())) {
            invalid.add("edition");
        }
        if (!s.enabled()) {
            invalid.add("enabled");
        }
        if (s.routingMode() == null) {
            invalid.add("routingMode");
        }
        if (s.queueTimeSeconds() < MIN_QUEUE_TIME || s.queueTimeSeconds() > MAX_QUEUE_TIME) {
            invalid.add("queueTimeSeconds");
        }
        if (s.capacity() < MIN_CAPACITY || s.capacity() > MAX_CAPACITY) {
            invalid.add("capacity");
        }
        if (!validZone(s.timeZone())) {
            invalid.add("timeZone");
        }
        if (!validDays(s.workingDays())) {
            invalid.add("workingDays");
        }
        LocalTime from = time(s.workingFrom());
        LocalTime to = time(s.workingTo());
        // A shift may run past midnight (to before from) or around the clock (to equal to from).
        if (from == null || to == null) {
            invalid.add("workingHours");
        }
        if (s.operators().isEmpty() || !s.operators().stream().allMatch(isOperator)
                || s.operators().stream().distinct().count() != s.operators().size()) {
            invalid.add("operators");
        }
        invalid.addAll(invalidSessionFields(s.session()));
        return invalid;
    }

    private static List<String> invalidSessionFields(SessionSettings s) {
        List<String> invalid = new ArrayList<>();
        if (tooLong(s.welcomeMessage(), SessionSettings.MAX_MESSAGE)) {
            invalid.add("welcomeMessage");
        }
        if (tooLong(s.outOfHoursMessage(), SessionSettings.MAX_MESSAGE)) {
            invalid.add("outOfHoursMessage");
        }
        if (!s.daysOff().stream().allMatch(OpenChannelRules::validDate)) {
            invalid.add("daysOff");
        }
        if (s.autoCloseMinutes() < 0 || s.autoCloseMinutes() > SessionSettings.MAX_AUTO_CLOSE_MINUTES) {
            invalid.add("autoCloseMinutes");
        }
        if (s.cannedResponses().size() > SessionSettings.MAX_CANNED || !s.cannedResponses().stream().allMatch(c ->
                c != null && c.title() != null && !c.title().isBlank() && !tooLong(c.title(), CannedResponse.MAX_TITLE)
                        && c.text() != null && !c.text().isBlank() && !tooLong(c.text(), CannedResponse.MAX_TEXT))) {
            invalid.add("cannedResponses");
        }
        return invalid;
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    private static boolean validDate(String date) {
        try {
            return date != null && date.matches("\\d{4}-\\d{2}-\\d{2}") && java.time.LocalDate.parse(date) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean validZone(String zone) {
        try {
            return zone != null && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validDays(String days) {
        if (days == null || days.isBlank()) {
            return false;
        }
        try {
            List<String> names = Arrays.stream(days.split(",")).map(String::trim).toList();
            return names.stream().map(OpenChannelRules::day).distinct().count() == names.size();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DayOfWeek day(String abbreviation) {
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().substring(0, 3).equals(abbreviation.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(abbreviation));
    }

    private static LocalTime time(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
