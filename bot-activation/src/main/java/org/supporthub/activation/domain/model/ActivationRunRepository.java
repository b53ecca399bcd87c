package org.supporthub.activation.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The activations running now, one row per portal at most (see {@link ActivationRun}). */
public interface ActivationRunRepository {

    Optional<ActivationRun> find(String portalId);

    /** Stores the run of a portal, taking over a left-over row of that portal if there is one. */
    void start(ActivationRun run);

    void remove(ActivationRun run);

    /**
     * Portals whose run may be abandoned: their run's deadline passed before {@code deadlineBefore}, or
     * their bot is ACTIVATING with no run row at all (left by a hub version that kept none).
     */
    List<String> suspectPortals(Instant deadlineBefore);
}
