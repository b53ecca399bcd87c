package org.supporthub.routing.domain.model.channel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an open channel's team works, in the channel's own time zone: the working days, one shift a day,
 * and the dates off. Outside these hours questions are kept but offered to nobody.
 *
 * <p>A shift is {@code from}–{@code to} on each working day. When {@code to} is not after {@code from}
 * the shift runs past midnight and ends on the next calendar day (a night shift, {@code 22:00–06:00}),
 * and it belongs to the day it <em>starts</em>: a Friday night shift still covers Saturday 02:00 even if
 * Saturday is not a working day, and a day off cancels the shift that starts on it. {@code from == to}
 * means around the clock. Local times are read in the zone, so a shift keeps its wall-clock hours across
 * daylight-saving changes.
 */
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to, Set<LocalDate> daysOff) {

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        daysOff = Set.copyOf(daysOff);
    }

    /** Reads settings that {@link OpenChannelRules} accepted. */
    public static WorkingHours of(OpenChannelSettings s) {
        Set<DayOfWeek> days = Arrays.stream(s.workingDays().split(","))
                .map(String::trim).map(WorkingHours::day).collect(Collectors.toSet());
        Set<LocalDate> off = s.session().daysOff().stream().map(String::trim).map(LocalDate::parse)
                .collect(Collectors.toSet());
        return new WorkingHours(ZoneId.of(s.timeZone()), days, LocalTime.parse(s.workingFrom()),
                LocalTime.parse(s.workingTo()), off);
    }

    static DayOfWeek day(String abbreviation) {
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().substring(0, 3).equals(abbreviation.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a day: " + abbreviation));
    }

    /** Whether the team works at {@code at}. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (from.isBefore(to)) {
            return shiftStartsOn(date) && !time.isBefore(from) && time.isBefore(to);
        }
        // Night shift, or around the clock (from == to): from `from` on it is today's shift; before that,
        // yesterday's, which runs until `to` on this day.
        return !time.isBefore(from) ? shiftStartsOn(date) : time.isBefore(to) && shiftStartsOn(date.minusDays(1));
    }

    /** The next moment at or after {@code at} when the team works; empty when it never does. */
    public Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= 366; i++) {
            LocalDate d = date.plusDays(i);
            if (shiftStartsOn(d)) {
                Instant start = d.atTime(from).atZone(zone).toInstant();
                if (!start.isBefore(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    private boolean shiftStartsOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !daysOff.contains(date);
    }
}
