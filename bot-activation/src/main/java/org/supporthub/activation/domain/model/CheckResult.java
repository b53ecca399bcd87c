package org.supporthub.activation.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How one activation check ended.
 *
 * @param code   the stable error code when failed (e.g. {@code NOT_PORTAL_ADMIN}), null when passed
 * @param detail a finer code where the check has one (e.g. {@code TLS_EXPIRED}), else null
 */
public record CheckResult(CheckArea area, boolean passed, String code, String detail, Duration took,
                          List<String> args) {

    public CheckResult {
        Objects.requireNonNull(area);
        Objects.requireNonNull(took);
        args = List.copyOf(args);
        if (passed != (code == null)) {
            throw new IllegalArgumentException("A failed check has a code, a passed one has none");
        }
    }

    /** Runs a yes/no check, timing it: passed when {@code passes} says so, else failed with {@code code}. */
    public static CheckResult timed(CheckArea area, String code, BooleanSupplier passes) {
        long start = System.nanoTime();
        boolean passed = passes.getAsBoolean();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return passed ? pass(area, took) : fail(area, code, null, took);
    }

    public CheckResult(CheckArea area, boolean passed, String code, String detail, Duration took) {
        this(area, passed, code, detail, took, List.of());
    }

    /** The same result with a detail code, when it failed; a passed result stays as it is. */
    public CheckResult withDetail(String detailCode) {
        return passed ? this : new CheckResult(area, false, code, detailCode, took, args);
    }

    public static CheckResult pass(CheckArea area, Duration took) {
        return new CheckResult(area, true, null, null, took);
    }

    public static CheckResult fail(CheckArea area, String code, String detail, Duration took) {
        return fail(area, code, detail, took, List.of());
    }

    /** A failure whose explanation quotes facts, such as the installed and the latest version. */
    public static CheckResult fail(CheckArea area, String code, String detail, Duration took, List<String> args) {
        return new CheckResult(area, false, Objects.requireNonNull(code), detail, took, args);
    }
}
