package org.supporthub.activation.domain.model.reachability;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How one probe of a portal's site ended.
 *
 * @param ok          true when the portal answered {@code 200} with a body within the limits (and, for a
 *                    challenge, the right proof)
 * @param failure     why not, null when ok
 * @param status      the HTTP status received, 0 when none was
 * @param body        the body when one was read (ok, or {@link ReachabilityFailure#CHALLENGE_MISMATCH} to show
 *                    what the portal answered); null otherwise
 * @param took        how long the probe took
 * @param connectedTo the validated address the TCP connection went to; null when none accepted
 */
public record ProbeResult(boolean ok, ReachabilityFailure failure, int status, String body, Duration took,
                          InetAddress connectedTo) {

    public ProbeResult {
        Objects.requireNonNull(took, "took");
        if (ok != (failure == null)) {
            throw new IllegalArgumentException("A failed probe has a failure, a successful one has none");
        }
    }

    public static ProbeResult succeeded(int status, String body, Duration took, InetAddress connectedTo) {
        return new ProbeResult(true, null, status, Objects.requireNonNull(body, "body"), took, connectedTo);
    }

    public static ProbeResult failed(ReachabilityFailure failure, int status, Duration took, InetAddress connectedTo) {
        return new ProbeResult(false, Objects.requireNonNull(failure, "failure"), status, null, took, connectedTo);
    }

    /** The same exchange judged a failure after all, keeping what was received (the challenge's verdict). */
    public ProbeResult rejectedAs(ReachabilityFailure reason) {
        return new ProbeResult(false, Objects.requireNonNull(reason, "reason"), status, body, took, connectedTo);
    }
}
