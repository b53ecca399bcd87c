package org.supporthub.core.application;

import java.util.List;
import java.util.Objects;

/**
 * What an activation ended with.
 *
 * @param status   {@code CONNECTED} when every check passed; {@code FAILED} with the failed checks;
 *                 {@code UNAVAILABLE} when the hub cannot yet run the checks that prove connectivity, so
 *                 it must not claim a connection; {@code ALREADY_RUNNING} when another activation of the
 *                 portal is running elsewhere (its results reach the chat of whoever started it)
 * @param failures each failed check, by its stable code
 * @param unchecked for {@code UNAVAILABLE}: what this hub cannot check yet
 */
public record ActivationOutcome(Status status, List<ActivationFailure> failures, List<String> unchecked) {

    public enum Status { CONNECTED, FAILED, UNAVAILABLE, ALREADY_RUNNING }

    /**
     * The run ended before its checks could be judged: an internal error, or the hub instance running it
     * stopped (found and ended later by another instance, or by the same one at start-up).
     */
    public static final String INTERRUPTED = "ACTIVATION_INTERRUPTED";
    /** Detail of {@link #INTERRUPTED}: the hub instance that ran it stopped (crash, kill, shutdown). */
    public static final String HUB_STOPPED = "HUB_STOPPED";
    /** Detail of {@link #INTERRUPTED}: the run failed inside the hub. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** The hub already runs as many activations as it is allowed to; this one was not started. */
    public static final String BUSY = "ACTIVATION_BUSY";

    /** An activation that could not finish; nothing about the portal was judged. */
    public static ActivationOutcome interrupted(String detail) {
        return new ActivationOutcome(Status.FAILED, List.of(new ActivationFailure(INTERRUPTED, detail)));
    }

    /** An activation refused because the hub's activation limit is reached. */
    public static ActivationOutcome busy() {
        return new ActivationOutcome(Status.FAILED, List.of(new ActivationFailure(BUSY, null)));
    }

    public ActivationOutcome {
        Objects.requireNonNull(status);
        failures = List.copyOf(failures);
        unchecked = List.copyOf(unchecked);
        if ((status == Status.FAILED) == failures.isEmpty()) {
            throw new IllegalArgumentException("A failed activation names its failures, and only it does");
        }
    }

    public ActivationOutcome(Status status, List<ActivationFailure> failures) {
        this(status, failures, List.of());
    }

    /**
     * One failed check: its stable code, where the check has one a detail code, and the facts the
     * explanation quotes (such as the installed and the latest version).
     */
    public record ActivationFailure(String code, String detail, List<String> args) {
        public ActivationFailure {
            Objects.requireNonNull(code);
            args = List.copyOf(args);
        }

        public ActivationFailure(String code, String detail) {
            this(code, detail, List.of());
        }
    }
}
