package org.supporthub.activation.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What the vendor learns from activations over a period: how many were tried and how they ended, and which
 * checks failed most often, so that the problems its customers hit most stand out. Grouped queries over the
 * stored activation reports (indexed by start, V31); an attempt belongs to the day it started.
 */
public interface ActivationReports {

    /** The attempts started on one day, by outcome ({@code CONNECTED}, {@code FAILED}, anything else). */
    record DayAttempts(LocalDate day, long connected, long failed, long other) {
        public long attempts() {
            return connected + failed + other;
        }
    }

    /**
     * A check that failed: its area and error code, how many attempts it failed, and for how many
     * different portals.
     */
    record FailingCheck(String area, String code, long failures, long portals) {
    }

    /** A run that ended as a whole without judging its checks ({@code ACTIVATION_INTERRUPTED}, ...). */
    record RunError(String code, long attempts) {
    }

    /**
     * @param days            every day of the period, in order, also those without attempts
     * @param portals         different portals that tried
     * @param running         attempts started in the period that are running now (no report yet)
     * @param failingChecks   most failures first (then by area and code)
     */
    record Summary(List<DayAttempts> days, long portals, long running, List<FailingCheck> failingChecks,
                   List<RunError> runErrors) {
        public long attempts() {
            return days.stream().mapToLong(DayAttempts::attempts).sum();
        }

        public long connected() {
            return days.stream().mapToLong(DayAttempts::connected).sum();
        }

        public long failed() {
            return days.stream().mapToLong(DayAttempts::failed).sum();
        }
    }

    /** Activations started from {@code from} to {@code to}, both days included. */
    Summary summary(LocalDate from, LocalDate to);
}
