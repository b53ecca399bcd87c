package org.supporthub.core.application;

import java.util.function.Consumer;

/**
 * Notices between the hub instances of a cluster: what one instance committed and the others must push to
 * their own sockets. A notice is a hint, never the truth: the database is. A notice lost (the grid link
 * broke, an instance restarted) is made up by the slow catch-up against the database.
 */
public interface ClusterMessaging {

    /**
     * Sends a notice to every other instance. Never waits for them and never fails the caller: a notice
     * that cannot be sent is dropped and counted.
     */
    void publish(String notice);

    /**
     * Receives the notices of the OTHER instances (never this instance's own), one at a time and in the order
     * they arrived, on a managed thread (so the receiver may read the database).
     */
    void subscribe(Consumer<String> receiver);

    /** Notices sent, received, and dropped (not sent, or not handled because too many waited). */
    Counts counts();

    record Counts(long published, long received, long dropped) {
    }
}
