package org.supporthub.core.application;

import java.util.List;
import java.util.Objects;

/**
 * What an activation ended with.
 *
 * @param status   {@code CONNECTED} when every check passed; {@code FAILED} with the failed checks;
 *                 {@code UNAVAILABLE} when the hub cannot yet run the checks that prove connectivity, so
 *                 it must not claim a connection
 * @param failures each failed check, by its stable code
 */
public record ActivationOutcome(Status status, List<ActivationFailure> failures) {

    public enum Status { CONNECTED, FAILED, UNAVAILABLE }

    public ActivationOutcome {
        Objects.requireNonNull(status);
        failures = List.copyOf(failures);
        if ((status == Status.FAILED) == failures.isEmpty()) {
            throw new IllegalArgumentException("A failed activation names its failures, and only it does");
        }
    }

    /** One failed check: its stable code and, where the check has one, a detail code. */
    public record ActivationFailure(String code, String detail) {
        public ActivationFailure {
            Objects.requireNonNull(code);
        }
    }
}
