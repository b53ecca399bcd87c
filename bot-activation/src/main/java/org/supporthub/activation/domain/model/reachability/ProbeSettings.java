package org.supporthub.activation.domain.model.reachability;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one probe of a portal's site.
 *
 * @param connectTimeout   the longest wait for one TCP connection to be accepted
 * @param readTimeout      the longest silence while waiting for the portal (handshake or response)
 * @param totalDeadline    the longest the whole probe may take, connects, handshake and response together;
 *                         a portal that trickles bytes slowly is cut off here
 * @param maxResponseBytes the largest body read; the portal answers a check, not a page
 */
public record ProbeSettings(Duration connectTimeout, Duration readTimeout, Duration totalDeadline,
                            int maxResponseBytes) {

    /** What activation uses: a portal that needs more than this is not reachable enough for live chat. */
    public static final ProbeSettings DEFAULTS =
            new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), 4096);

    public ProbeSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalDeadline, "totalDeadline");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
