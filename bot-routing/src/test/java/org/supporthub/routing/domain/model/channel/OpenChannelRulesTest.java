package org.supporthub.routing.domain.model.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.domain.model.RoutingMode;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
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
                row("workingHours", s -> with(s, s.name(), s.language(), s.enabled(), s.routingMode(), s.queueTimeSeconds(), s.capacity(), s.timeZone(), s.workingDays(), "17:00", "09:00", s.operators())),
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

    @Test
    void several_wrong_fields_are_all_named_in_a_fixed_order() {
        OpenChannelSettings s = new OpenChannelSettings(" ", "xx", "demo", false, null, 0, 0, true, "nowhere", "",
                "x", "y", List.of());
        assertThat(invalid(s)).containsExactly("name", "language", "edition", "enabled", "routingMode",
                "queueTimeSeconds", "capacity", "timeZone", "workingDays", "workingHours", "operators");
    }
}
