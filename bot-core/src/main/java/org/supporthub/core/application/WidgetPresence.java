package org.supporthub.core.application;

import java.util.Set;

/**
 * Which conversations have a widget open somewhere in the cluster. Sockets are node-local, so each hub
 * instance records in the database the conversations it has sockets for, and refreshes its rows with a
 * heartbeat; the rows of an instance that died stop counting once their heartbeat is older than
 * {@link #STALE_AFTER_SECONDS}. Whether an answer must go out by mail is then one indexed read, whichever
 * instance the operator is on.
 */
public interface WidgetPresence {

    /** A row whose heartbeat is older than this no longer counts (its instance is gone). */
    long STALE_AFTER_SECONDS = 30;

    /** How often each instance refreshes its rows. */
    long HEARTBEAT_SECONDS = 10;

    /**
     * Records this instance's change: {@code opened} conversations now have a socket here, {@code closed}
     * ones none. One transaction, a constant number of statements.
     */
    void update(Set<String> opened, Set<String> closed);

    /** Refreshes this instance's rows (one statement) and drops rows of instances long gone. */
    void heartbeat();

    /** Whether the conversation has a widget open on any living instance. */
    boolean open(String conversationId);
}
