package org.supporthub.routing.domain.model.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.domain.model.RoutingMode;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenChannelRulesTest {

    private static final Set<String> OPERATORS = Set.of("olga", "piotr");

    private static OpenChannelSettings valid() {
        return new OpenChannelSettings("Support EN", "en", "commercial", true, RoutingMode.STRICT, 60, 3, false,
                "Europe/Warsaw", "MON,TUE,WED,THU,FRI", "09:00", "17:00", List.of("olga", "piotr"));
    }

    private static List<String> invalid(OpenChannelSettings s) {
        return OpenChannelRules.invalidFields(s, OPERATORS::contains);
    }

    @Test
    void a_complete_channel_can_serve() {
        assertThat(invalid(valid())).isEmpty();
    }

    static Stream<Arguments> oneWrongField() {
        return Stream.of(
                row("name", s -> with(s, "", s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("language", s -> with(s, s.name(), "de", s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("enabled", s -> with(s, s.name(), s.language(), false, s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("routingMode", s -> with(s, s.name(), s.language(), s.enabled(), null, s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("queueTimeSeconds", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), 9, s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("queueTimeSeconds", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), 3601, s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("capacity", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), 0, s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("capacity", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), 101, s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("timeZone", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), "Mars/Olympus", s.workingDays(), s.workingFrom(), s.workingTo(), s.operators())),
                row("workingDays", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), "MON,FUNDAY", s.workingFrom(), s.workingTo(), s.operators())),
                row("workingDays", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), "MON,MON", s.workingFrom(), s.workingTo(), s.operators())),
                row("workingHours", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), "9:00", "17:00", s.operators())),
                row("workingHours", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), "09:00", "24:61", s.operators())),
                row("workingHours", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), "09:00", null, s.operators())),
                row("workingHours", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), "25:00", "26:00", s.operators())),
                row("operators", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), List.of())),
                row("operators", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), List.of("olga", "ghost"))),
                row("operators", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), s.workingFrom(), s.workingTo(), List.of("olga", "olga"))));
    }

    private static Arguments row(String field, UnaryOperator<OpenChannelSettings> change) {
        return Arguments.of(field, change);
    }

    private static OpenChannelSettings with(OpenChannelSettings s, String name, String language, boolean enabled,
                                            RoutingMode mode, int queueTime, int capacity, String zone, String days,
                                            String from, String to, List<String> operators) {
        return new OpenChannelSettings(name, language, s.edition(), enabled, mode, queueTime, capacity,
                s.countOnlyAnswered(), zone, days, from, to, operators);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneWrongField")
    void each_wrong_field_is_named_and_only_it(String field, UnaryOperator<OpenChannelSettings> change) {
        assertThat(invalid(change.apply(valid()))).containsExactly(field);
    }

    private static final CannedResponse DOCS = new CannedResponse("Docs", "See the manual.");

    private static SessionSettings session(String welcome, String outOfHours, List<String> daysOff, int autoClose,
                                           List<CannedResponse> canned) {
        return new SessionSettings(welcome, outOfHours, daysOff, autoClose, true, canned);
    }

    private static SessionSettings sessionWithCanned(List<CannedResponse> canned) {
        return session(null, null, List.of(), 0, canned);
    }

    private static OpenChannelSettings withSession(SessionSettings session) {
        OpenChannelSettings s = valid();
        return new OpenChannelSettings(s.name(), s.language(), s.edition(), s.enabled(), s.routingMode(),
                s.queueTimeSeconds(), s.capacity(), s.countOnlyAnswered(), s.timeZone(), s.workingDays(),
                s.workingFrom(), s.workingTo(), s.operators(), session);
    }

    private static OpenChannelSettings withHours(String from, String to) {
        OpenChannelSettings s = valid();
        return with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(),
                s.timeZone(), s.workingDays(), from, to, s.operators());
    }

    private static List<CannedResponse> canned(int count) {
        return IntStream.range(0, count).mapToObj(i -> new CannedResponse("Answer " + i, "Text " + i)).toList();
    }

    static Stream<Arguments> oneWrongSessionField() {
        return Stream.of(
                Arguments.of("welcomeMessage", "welcome message too long",
                        session("x".repeat(SessionSettings.MAX_MESSAGE + 1), null, List.of(), 0, List.of())),
                Arguments.of("outOfHoursMessage", "out-of-hours message too long",
                        session(null, "x".repeat(SessionSettings.MAX_MESSAGE + 1), List.of(), 0, List.of())),
                Arguments.of("daysOff", "month 13", session(null, null, List.of("2025-13-01"), 0, List.of())),
                Arguments.of("daysOff", "30 February", session(null, null, List.of("2025-02-30"), 0, List.of())),
                Arguments.of("daysOff", "day first", session(null, null, List.of("24.12.2025"), 0, List.of())),
                Arguments.of("daysOff", "one bad date among good ones",
                        session(null, null, List.of("2025-12-24", "2025-1-1"), 0, List.of())),
                Arguments.of("autoCloseMinutes", "negative", session(null, null, List.of(), -1, List.of())),
                Arguments.of("autoCloseMinutes", "over a week",
                        session(null, null, List.of(), SessionSettings.MAX_AUTO_CLOSE_MINUTES + 1, List.of())),
                Arguments.of("cannedResponses", "blank title",
                        sessionWithCanned(List.of(DOCS, new CannedResponse("  ", "text")))),
                Arguments.of("cannedResponses", "missing title",
                        sessionWithCanned(List.of(new CannedResponse(null, "text")))),
                Arguments.of("cannedResponses", "blank text",
                        sessionWithCanned(List.of(new CannedResponse("Title", " ")))),
                Arguments.of("cannedResponses", "missing text",
                        sessionWithCanned(List.of(new CannedResponse("Title", null)))),
                Arguments.of("cannedResponses", "title too long", sessionWithCanned(List.of(
                        new CannedResponse("t".repeat(CannedResponse.MAX_TITLE + 1), "text")))),
                Arguments.of("cannedResponses", "text too long", sessionWithCanned(List.of(
                        new CannedResponse("Title", "t".repeat(CannedResponse.MAX_TEXT + 1))))),
                Arguments.of("cannedResponses", "more than 50",
                        sessionWithCanned(canned(SessionSettings.MAX_CANNED + 1))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oneWrongSessionField")
    void each_wrong_session_field_is_named_and_only_it(String field, String why, SessionSettings session) {
        assertThat(invalid(withSession(session))).containsExactly(field);
    }

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(
                Arguments.of("night shift past midnight", withHours("22:00", "06:00")),
                Arguments.of("around the clock from midnight", withHours("00:00", "00:00")),
                Arguments.of("around the clock from 08:00", withHours("08:00", "08:00")),
                Arguments.of("shift ending a minute before midnight", withHours("00:00", "23:59")),
                Arguments.of("messages of the longest length", withSession(session(
                        "w".repeat(SessionSettings.MAX_MESSAGE), "o".repeat(SessionSettings.MAX_MESSAGE), List.of(), 0,
                        List.of()))),
                Arguments.of("days off", withSession(session(null, null, List.of("2025-12-24", "2024-02-29"), 0,
                        List.of()))),
                Arguments.of("longest auto-close", withSession(session(null, null, List.of(),
                        SessionSettings.MAX_AUTO_CLOSE_MINUTES, List.of()))),
                Arguments.of("50 canned responses", withSession(sessionWithCanned(canned(SessionSettings.MAX_CANNED)))),
                Arguments.of("canned response of the longest title and text", withSession(sessionWithCanned(List.of(
                        new CannedResponse("t".repeat(CannedResponse.MAX_TITLE), "x".repeat(CannedResponse.MAX_TEXT)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariants")
    void valid_variants_can_serve(String why, OpenChannelSettings settings) {
        assertThat(invalid(settings)).isEmpty();
    }

    @Test
    void every_wrong_session_field_is_named_in_a_fixed_order() {
        SessionSettings bad = session("w".repeat(SessionSettings.MAX_MESSAGE + 1),
                "o".repeat(SessionSettings.MAX_MESSAGE + 1), List.of("tomorrow"), -5,
                List.of(new CannedResponse("", "")));
        assertThat(invalid(withSession(bad))).containsExactly("welcomeMessage", "outOfHoursMessage", "daysOff",
                "autoCloseMinutes", "cannedResponses");
    }

    @Test
    void several_wrong_fields_are_all_named_in_a_fixed_order() {
        OpenChannelSettings s = new OpenChannelSettings(" ", "xx", "demo", false, null, 0, 0, true, "nowhere", "",
                "x", "y", List.of());
        assertThat(invalid(s)).containsExactly("name", "language", "edition", "enabled", "routingMode",
                "queueTimeSeconds", "capacity", "timeZone", "workingDays", "workingHours", "operators");
    }

    @ParameterizedTest(name = "{0} is explained")
    @MethodSource("oneWrongField")
    void every_refused_field_says_what_it_asks_for(String field, UnaryOperator<OpenChannelSettings> change) {
        List<String> refused = invalid(change.apply(valid()));
        assertThat(refused).isNotEmpty();
        refused.forEach(f -> assertThat(OpenChannelRules.whatIsAsked(f)).as(f).startsWith("must ")
                .doesNotContain("not valid"));
    }
}
