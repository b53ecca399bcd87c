package org.supporthub.web.infrastructure.limits;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sockets one key (a user, a client address) holds open at once, with a ceiling.
 *
 * <p>Taking and giving back a place are each one atomic map operation, and the entry of a key disappears
 * with its last socket, so the map holds only keys that have sockets open.
 */
public final class ConnectionQuota {

    private final String name;
    private final int max;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    public ConnectionQuota(String name, int max) {
        if (max < 1) {
            throw new IllegalArgumentException(name + ": the ceiling must be at least 1");
        }
        this.name = name;
        this.max = max;
    }

    public String name() {
        return name;
    }

    public int max() {
        return max;
    }

    /** Takes a place for the key; false (and nothing taken) when the key already holds {@link #max()}. */
    public boolean tryAcquire(String key) {
        boolean[] taken = new boolean[1];
        open.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < max;
            return taken[0] ? now + 1 : (count == null ? null : count);
        });
        return taken[0];
    }

    /** Gives back a place the key took; the key is forgotten with its last place. */
    public void release(String key) {
        open.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Places the key holds now. */
    public int held(String key) {
        return open.getOrDefault(key, 0);
    }

    int keys() {
        return open.size();
    }
}
