package org.supporthub.core.application;

import java.util.List;
import java.util.Objects;

/**
 * One activation check that has just finished.
 *
 * @param check  which check (its area, e.g. {@code LICENSE})
 * @param failure the failure when the check failed, else null
 */
public record ActivationProgress(String check, ActivationOutcome.ActivationFailure failure) {

    public ActivationProgress {
        Objects.requireNonNull(check);
    }

    public boolean passed() {
        return failure == null;
    }

    public static ActivationProgress passed(String check) {
        return new ActivationProgress(check, null);
    }

    public static ActivationProgress failed(String check, String code, String detail, List<String> args) {
        return new ActivationProgress(check, new ActivationOutcome.ActivationFailure(code, detail, args));
    }
}
