package org.supporthub.core.infrastructure.grid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The beats of each periodic job this instance ran, the latest {@code kept} of each: what an operator (or
 * a test) compares across instances to see that every beat ran once.
 */
final class BeatLedger {

    private final int kept;
    private final Map<String, Deque<Long>> ran = new TreeMap<>();

    BeatLedger(int kept) {
        this.kept = kept;
    }

    synchronized void ran(String job, long beat) {
        Deque<Long> beats = ran.computeIfAbsent(job, j -> new ArrayDeque<>());
        beats.addLast(beat);
        while (beats.size() > kept) {
            beats.removeFirst();
        }
    }

    synchronized Map<String, List<Long>> snapshot() {
        Map<String, List<Long>> copy = new TreeMap<>();
        ran.forEach((job, beats) -> copy.put(job, List.copyOf(beats)));
        return copy;
    }
}
