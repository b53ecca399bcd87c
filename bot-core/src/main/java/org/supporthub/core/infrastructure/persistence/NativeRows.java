package org.supporthub.core.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the columns of native (SQL) report queries the same way on H2 and PostgreSQL: the two drivers
 * answer a count, a sum or a day with different Java types ({@code Long}, {@code BigDecimal},
 * {@code java.sql.Date}, {@code LocalDate}), and the reports must not care which one ran.
 *
 * <p>Days are calendar days of the stored timestamps, which {@link InstantConverter} writes in the hub's
 * (the JVM's) time zone: {@link #startOf} gives the bound that matches {@code cast(ts as date)}.
 */
public final class NativeRows {

    private NativeRows() {
    }

    /** The first moment of {@code day}, as a bind parameter for a timestamp column. */
    public static Timestamp startOf(LocalDate day) {
        return Timestamp.valueOf(day.atStartOfDay());
    }

    /** A count or a sum: 0 when the database says null (a sum over no rows). */
    public static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A value that may be absent, such as a percentile over no rows. */
    public static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return Timestamp.valueOf(t).toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A native query's rows: a one-column query answers plain values, a wider one arrays. */
    public static List<Object[]> rows(List<?> result) {
        List<Object[]> rows = new ArrayList<>(result.size());
        for (Object r : result) {
            rows.add(r instanceof Object[] a ? a : new Object[] {r});
        }
        return rows;
    }

    /**
     * Every day from {@code from} to {@code to} (both included), so that a chart gets a point for each day,
     * also for those with nothing stored.
     */
    public static List<LocalDate> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
