package org.supporthub.web.infrastructure.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Recent failed logins of one key (an account, a client address) on this hub instance, and how long the
 * next attempt must wait.
 *
 * <p>Below {@code threshold} failures within the window nothing waits, so a person who mistypes a few
 * times is not bothered. From then on every further attempt waits twice as long as the one before,
 * {@code base}, 2 {@code base}, 4 {@code base}... up to {@code cap}, counted from the last failure: a
 * guesser gets a handful of tries an hour instead of thousands a second. Immutable; each failure makes a
 * new window.
 */
record FailureWindow(int failures, Instant firstFailure, Instant lastFailure) {

    /** The rules, the same for every key of one kind. */
    record Rules(int threshold, Duration base, Duration cap, Duration window) {
        Rules {
            if (threshold < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || window.isZero()) {
                throw new IllegalArgumentException("Throttling needs threshold >= 1 and 0 < base <= cap, window > 0");
            }
        }
    }

    static FailureWindow first(Instant at) {
        return new FailureWindow(1, at, at);
    }

    /** One more failure; a window whose first failure is older than the window starts again. */
    FailureWindow plus(Instant at, Rules rules) {
        return expired(at, rules) ? first(at) : new FailureWindow(failures + 1, firstFailure, at);
    }

    /** Whether this window says nothing any more and can be forgotten. */
    boolean expired(Instant now, Rules rules) {
        return !firstFailure.plus(rules.window()).isAfter(now) && !retryAt(rules).isAfter(now);
    }

    /** How long an attempt at {@code now} must still wait; zero when it may go ahead. */
    Duration wait(Instant now, Rules rules) {
        if (failures < rules.threshold()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, retryAt(rules));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Instant retryAt(Rules rules) {
        if (failures < rules.threshold()) {
            return lastFailure;
        }
        int doublings = Math.min(failures - rules.threshold(), 30);
        Duration delay = rules.base().multipliedBy(1L << doublings);
        return lastFailure.plus(delay.compareTo(rules.cap()) > 0 ? rules.cap() : delay);
    }
}
