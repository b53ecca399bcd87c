package org.supporthub.core.application;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Work done once per cluster. Time is cut into beats of a job's period (beat {@code n} is
 * {@code [n * period, (n + 1) * period)} in epoch milliseconds); every instance's timer wakes once a beat,
 * and the one that claims the beat in the data grid first runs it. The others do nothing that beat. So a
 * job runs once per beat whatever the number of instances, and an instance that dies simply stops
 * claiming: the next beat goes to a living one. A beat that no instance woke for in time (every timer late)
 * is claimed and made up by the first instance to wake after it. The database's row locks stay the guard of correctness;
 * the turns remove the wasted work and the contention.
 *
 * <p>A hub without the data grid claims every beat for itself.
 */
public interface PeriodicTurns {

    /**
     * Claims the job's current beat for this instance.
     *
     * @return the beat number when this instance runs it; empty when another instance has it, or when the
     * grid could not answer in time (the beat is then skipped rather than risk running twice)
     */
    OptionalLong take(String job, long periodMillis);

    /** The beats of each job that this instance ran, oldest first (the latest {@link #KEPT} of each). */
    Map<String, List<Long>> ranHere();

    /** How many of each job's beats {@link #ranHere()} remembers. */
    int KEPT = 2000;

    /** The beat that {@code epochMillis} falls in. */
    static long beatOf(long epochMillis, long periodMillis) {
        return Math.floorDiv(epochMillis, periodMillis);
    }

    /**
     * How long to wait from {@code epochMillis} until the middle of the next beat. Timers started with this
     * delay and the period wake in the middle of their beats on every instance, so that a timer a little
     * early or late still names the same beat as the others.
     */
    static long delayToNextBeat(long epochMillis, long periodMillis) {
        return periodMillis - Math.floorMod(epochMillis, periodMillis) + periodMillis / 2;
    }
}
