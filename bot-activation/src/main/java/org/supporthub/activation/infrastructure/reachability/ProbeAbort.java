package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

/**
 * Ends a probe early with its reason. An exception only to unwind the reading code; it never leaves
 * {@link PortalProbe}, which turns it into a {@link ProbeResult}.
 */
final class ProbeAbort extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReachabilityFailure failure;
    private final int status;

    ProbeAbort(ReachabilityFailure failure, int status) {
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.status = status;
    }

    ReachabilityFailure failure() {
        return failure;
    }

    int status() {
        return status;
    }
}
