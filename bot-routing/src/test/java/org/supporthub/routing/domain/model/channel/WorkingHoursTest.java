package org.supporthub.routing.domain.model.channel;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.domain.model.RoutingMode;

/**
 * Working hours as a table: each row names a schedule, an instant (with its wall-clock time in the
 * schedule's zone in the description) and whether the team works then.
 *
 * <p>The dates are in January 2025 unless said otherwise: Monday is the 6th and the 13th, Warsaw is
 * UTC+1 and New York UTC-5. The DST rows use 2025-03-30 (Warsaw moves to UTC+2) and 2025-10-26 (back).
 */
class WorkingHoursTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    /** 09:00–17:00 on weekdays in Warsaw; Wednesday 2025-01-08 is a day off. */
    private static final WorkingHours OFFICE = new WorkingHours(WARSAW, WEEKDAYS, LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(LocalDate.parse("2025-01-08")));

    /** 22:00–06:00 starting on weekdays in Warsaw; Wednesday 2025-01-15 is a day off. */
    private static final WorkingHours NIGHT = new WorkingHours(WARSAW, WEEKDAYS, LocalTime.of(22, 0),
            LocalTime.of(6, 0), Set.of(LocalDate.parse("2025-01-15")));

    /** Around the clock on weekdays, shifts starting at midnight. */
    private static final WorkingHours ALL_DAY = new WorkingHours(WARSAW, WEEKDAYS, LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, Set.of());

    /** Around the clock on weekdays, each 24-hour shift starting at 08:00 on the day it belongs to. */
    private static final WorkingHours ALL_DAY_FROM_EIGHT = new WorkingHours(WARSAW, WEEKDAYS, LocalTime.of(8, 0),
            LocalTime.of(8, 0), Set.of());

    /** 09:00–17:00 on weekdays in New York. */
    private static final WorkingHours NEW_YORK_OFFICE = new WorkingHours(NEW_YORK, WEEKDAYS, LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of());

    /** 09:00–17:00 every day of the week in Warsaw, to look at the DST Sundays. */
    private static final WorkingHours EVERY_DAY = new WorkingHours(WARSAW, EnumSet.allOf(DayOfWeek.class),
            LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    /** A channel whose team works on no day at all. */
    private static final WorkingHours NEVER = new WorkingHours(WARSAW, Set.of(), LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of());

    private static Arguments row(String description, WorkingHours hours, String instant, boolean open) {
        return Arguments.of(description, hours, Instant.parse(instant), open);
    }

    static Stream<Arguments> isOpen() {
        return Stream.of(
                // Day shift on weekdays.
                row("office: Monday 12:00 inside hours", OFFICE, "2025-01-06T11:00:00Z", true),
                row("office: Monday 08:59 before opening", OFFICE, "2025-01-06T07:59:00Z", false),
                row("office: Monday 09:00 start is inclusive", OFFICE, "2025-01-06T08:00:00Z", true),
                row("office: Monday 16:59:59 still open", OFFICE, "2025-01-06T15:59:59Z", true),
                row("office: Monday 17:00 end is exclusive", OFFICE, "2025-01-06T16:00:00Z", false),
                row("office: Monday 23:00 evening", OFFICE, "2025-01-06T22:00:00Z", false),
                row("office: Saturday 12:00 is not a working day", OFFICE, "2025-01-11T11:00:00Z", false),
                row("office: Sunday 12:00 is not a working day", OFFICE, "2025-01-12T11:00:00Z", false),
                row("office: Wednesday 12:00 is a day off", OFFICE, "2025-01-08T11:00:00Z", false),
                row("office: Thursday 12:00 after the day off", OFFICE, "2025-01-09T11:00:00Z", true),
                row("office: Tuesday 12:00 before the day off", OFFICE, "2025-01-07T11:00:00Z", true),

                // Night shift 22:00-06:00, belonging to the day it starts.
                row("night: Friday 23:00 Friday's shift", NIGHT, "2025-01-10T22:00:00Z", true),
                row("night: Saturday 02:00 Friday's shift goes on though Saturday is no working day", NIGHT,
                        "2025-01-11T01:00:00Z", true),
                row("night: Saturday 05:59 last minute of Friday's shift", NIGHT, "2025-01-11T04:59:00Z", true),
                row("night: Saturday 06:00 end is exclusive", NIGHT, "2025-01-11T05:00:00Z", false),
                row("night: Saturday 23:00 no shift starts on Saturday", NIGHT, "2025-01-11T22:00:00Z", false),
                row("night: Monday 02:00 Sunday is not a working day", NIGHT, "2025-01-13T01:00:00Z", false),
                row("night: Monday 12:00 between shifts", NIGHT, "2025-01-13T11:00:00Z", false),
                row("night: Monday 21:59 before the shift", NIGHT, "2025-01-13T20:59:00Z", false),
                row("night: Monday 22:00 start is inclusive", NIGHT, "2025-01-13T21:00:00Z", true),
                row("night: Tuesday 00:00 midnight inside Monday's shift", NIGHT, "2025-01-13T23:00:00Z", true),
                row("night: Wednesday 02:00 Tuesday's shift runs into the day off", NIGHT,
                        "2025-01-15T01:00:00Z", true),
                row("night: Wednesday 23:00 the day off cancels the shift starting on it", NIGHT,
                        "2025-01-15T22:00:00Z", false),
                row("night: Thursday 02:00 still the cancelled Wednesday shift", NIGHT,
                        "2025-01-16T01:00:00Z", false),
                row("night: Thursday 22:00 back to work", NIGHT, "2025-01-16T21:00:00Z", true),

                // Around the clock.
                row("all day: Monday 00:00", ALL_DAY, "2025-01-12T23:00:00Z", true),
                row("all day: Wednesday 03:00", ALL_DAY, "2025-01-08T02:00:00Z", true),
                row("all day: Friday 23:59", ALL_DAY, "2025-01-10T22:59:00Z", true),
                row("all day: Saturday 00:00", ALL_DAY, "2025-01-10T23:00:00Z", false),
                row("all day: Sunday 23:59", ALL_DAY, "2025-01-12T22:59:00Z", false),
                row("all day from 08:00: Monday 07:59 (Sunday has no shift)", ALL_DAY_FROM_EIGHT,
                        "2025-01-13T06:59:00Z", false),
                row("all day from 08:00: Monday 08:00", ALL_DAY_FROM_EIGHT, "2025-01-13T07:00:00Z", true),
                row("all day from 08:00: Tuesday 07:59 (Monday's shift)", ALL_DAY_FROM_EIGHT,
                        "2025-01-14T06:59:00Z", true),
                row("all day from 08:00: Saturday 07:59 (Friday's shift)", ALL_DAY_FROM_EIGHT,
                        "2025-01-11T06:59:00Z", true),
                row("all day from 08:00: Saturday 08:00 (Friday's shift is over)", ALL_DAY_FROM_EIGHT,
                        "2025-01-11T07:00:00Z", false),

                // One instant, two zones: 10:00Z is 11:00 in Warsaw and 05:00 in New York.
                row("zones: 10:00Z is 11:00 in Warsaw", OFFICE, "2025-01-06T10:00:00Z", true),
                row("zones: 10:00Z is 05:00 in New York", NEW_YORK_OFFICE, "2025-01-06T10:00:00Z", false),
                row("zones: 17:00Z is 18:00 in Warsaw", OFFICE, "2025-01-06T17:00:00Z", false),
                row("zones: 17:00Z is 12:00 in New York", NEW_YORK_OFFICE, "2025-01-06T17:00:00Z", true),
                row("zones: Friday 23:00Z is Friday 18:00 in New York", NEW_YORK_OFFICE, "2025-01-10T23:00:00Z",
                        false),
                row("zones: Saturday 01:00Z is Friday 20:00 in New York", NEW_YORK_OFFICE, "2025-01-11T01:00:00Z",
                        false),
                row("zones: Tuesday 01:00Z is Monday 20:00 in New York", NEW_YORK_OFFICE, "2025-01-07T01:00:00Z",
                        false),
                row("zones: Monday 21:30Z is Monday 16:30 in New York", NEW_YORK_OFFICE, "2025-01-06T21:30:00Z",
                        true),

                // DST in Warsaw: the shift keeps its wall-clock hours, so its UTC hours move.
                row("DST: Saturday before the change 08:30 (07:30Z)", EVERY_DAY, "2025-03-29T07:30:00Z", false),
                row("DST: Saturday before the change 09:00 (08:00Z)", EVERY_DAY, "2025-03-29T08:00:00Z", true),
                row("DST: change day 08:59 CEST (06:59Z)", EVERY_DAY, "2025-03-30T06:59:00Z", false),
                row("DST: change day 09:00 CEST (07:00Z)", EVERY_DAY, "2025-03-30T07:00:00Z", true),
                row("DST: change day 09:30 CEST (07:30Z), closed at this UTC time the day before", EVERY_DAY,
                        "2025-03-30T07:30:00Z", true),
                row("DST: change day 16:59 CEST (14:59Z)", EVERY_DAY, "2025-03-30T14:59:00Z", true),
                row("DST: change day 17:00 CEST (15:00Z)", EVERY_DAY, "2025-03-30T15:00:00Z", false),
                row("DST: autumn change day 08:59 CET (07:59Z)", EVERY_DAY, "2025-10-26T07:59:00Z", false),
                row("DST: autumn change day 09:00 CET (08:00Z)", EVERY_DAY, "2025-10-26T08:00:00Z", true),
                row("DST: autumn change day 16:30 CET (15:30Z)", EVERY_DAY, "2025-10-26T15:30:00Z", true),
                row("DST: autumn change day 17:00 CET (16:00Z)", EVERY_DAY, "2025-10-26T16:00:00Z", false),

                row("never: Monday 12:00", NEVER, "2025-01-06T11:00:00Z", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void isOpen(String description, WorkingHours hours, Instant at, boolean open) {
        assertThat(hours.isOpen(at)).isEqualTo(open);
    }

    private static Arguments next(String description, WorkingHours hours, String at, String expected) {
        return Arguments.of(description, hours, Instant.parse(at),
                Optional.ofNullable(expected).map(Instant::parse));
    }

    static Stream<Arguments> nextOpening() {
        return Stream.of(
                next("open now: the same instant", OFFICE, "2025-01-06T11:00:00Z", "2025-01-06T11:00:00Z"),
                next("open now in a night shift's small hours", NIGHT, "2025-01-11T01:00:00Z",
                        "2025-01-11T01:00:00Z"),
                next("Monday 07:00: today at 09:00", OFFICE, "2025-01-06T06:00:00Z", "2025-01-06T08:00:00Z"),
                next("Monday 17:00 sharp: Tuesday 09:00", OFFICE, "2025-01-06T16:00:00Z", "2025-01-07T08:00:00Z"),
                next("Friday 18:00: Monday 09:00", OFFICE, "2025-01-10T17:00:00Z", "2025-01-13T08:00:00Z"),
                next("Saturday noon: Monday 09:00", OFFICE, "2025-01-11T11:00:00Z", "2025-01-13T08:00:00Z"),
                next("Tuesday 18:00: skips Wednesday's day off to Thursday 09:00", OFFICE, "2025-01-07T17:00:00Z",
                        "2025-01-09T08:00:00Z"),
                next("night: Saturday 10:00: Monday 22:00", NIGHT, "2025-01-11T09:00:00Z", "2025-01-13T21:00:00Z"),
                next("night: Wednesday 10:00 (day off): Thursday 22:00", NIGHT, "2025-01-15T09:00:00Z",
                        "2025-01-16T21:00:00Z"),
                next("all day: Saturday noon: Monday 00:00", ALL_DAY, "2025-01-11T11:00:00Z",
                        "2025-01-12T23:00:00Z"),
                next("all day from 08:00: Sunday noon: Monday 08:00", ALL_DAY_FROM_EIGHT, "2025-01-12T11:00:00Z",
                        "2025-01-13T07:00:00Z"),
                next("New York: Monday 10:00Z (05:00 local): 09:00 local is 14:00Z", NEW_YORK_OFFICE,
                        "2025-01-06T10:00:00Z", "2025-01-06T14:00:00Z"),
                next("DST: Saturday 18:00 CET: Sunday 09:00 CEST is 07:00Z", EVERY_DAY, "2025-03-29T17:00:00Z",
                        "2025-03-30T07:00:00Z"),
                next("no working days: never", NEVER, "2025-01-06T11:00:00Z", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void nextOpening(String description, WorkingHours hours, Instant at, Optional<Instant> expected) {
        assertThat(hours.nextOpening(at)).isEqualTo(expected);
    }

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("office", OFFICE),
                Arguments.of("night", NIGHT),
                Arguments.of("all day", ALL_DAY),
                Arguments.of("all day from 08:00", ALL_DAY_FROM_EIGHT),
                Arguments.of("New York", NEW_YORK_OFFICE),
                Arguments.of("every day", EVERY_DAY));
    }

    /**
     * On a quarter-hour grid over three weeks (the spring DST change included), the next opening is the
     * first grid instant at which {@code isOpen} says yes: the two methods agree about the same schedule.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void next_opening_agrees_with_is_open(String name, WorkingHours hours) {
        Instant start = Instant.parse("2025-03-17T00:00:00Z");
        Duration step = Duration.ofMinutes(15);
        List<Instant> grid = new ArrayList<>();
        for (Instant t = start; t.isBefore(start.plus(Duration.ofDays(21))); t = t.plus(step)) {
            grid.add(t);
        }
        // The last week only serves as look-ahead; the first two are checked.
        Instant firstOpen = null;
        List<String> disagreements = new ArrayList<>();
        for (int i = grid.size() - 1; i >= 0; i--) {
            Instant t = grid.get(i);
            if (hours.isOpen(t)) {
                firstOpen = t;
            }
            if (t.isBefore(start.plus(Duration.ofDays(14)))) {
                Optional<Instant> next = hours.nextOpening(t);
                if (!next.equals(Optional.ofNullable(firstOpen))) {
                    disagreements.add(t + ": nextOpening " + next + ", first open " + firstOpen);
                }
            }
        }
        assertThat(firstOpen).as("the schedule opens at some point").isNotNull();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void reads_the_settings_of_a_channel() {
        OpenChannelSettings settings = new OpenChannelSettings("Night desk", "en", "commercial", true,
                RoutingMode.STRICT, 60, 3, false, "America/New_York", "MON, WED,fri", "22:00", "06:00",
                List.of("olga"), new SessionSettings(null, null, List.of("2025-01-08", "2025-12-25"), 0, true,
                List.of()));

        assertThat(WorkingHours.of(settings)).isEqualTo(new WorkingHours(NEW_YORK,
                EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0),
                Set.of(LocalDate.parse("2025-01-08"), LocalDate.parse("2025-12-25"))));
    }

    @Test
    void a_channel_reads_its_own_working_hours() {
        OpenChannel channel = new OpenChannel("c1", new OpenChannelSettings("Support", "pl", "commercial", true,
                RoutingMode.ALL, 60, 3, false, "Europe/Warsaw", "SAT,SUN", "10:00", "14:00", List.of("olga"),
                new SessionSettings(null, null, List.of("2025-01-11"), 0, true, List.of())));

        WorkingHours hours = channel.workingHours();

        assertThat(hours.isOpen(Instant.parse("2025-01-12T10:00:00Z"))).as("Sunday 11:00").isTrue();
        assertThat(hours.isOpen(Instant.parse("2025-01-11T10:00:00Z"))).as("Saturday 11:00, a day off").isFalse();
        assertThat(hours.isOpen(Instant.parse("2025-01-13T10:00:00Z"))).as("Monday 11:00").isFalse();
    }
}
