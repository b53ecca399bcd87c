package org.supporthub.it;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads about support sessions that the tests check in the hub's database. */
final class HubDatabaseQueries {

    private HubDatabaseQueries() {
    }

    /** The open session of the conversation the widget client is in, waiting a little for it to exist. */
    static String openSessionOf(ChatClient widget) throws Exception {
        String conversationId = widget.conversationId();
        for (int i = 0; i < 50; i++) {
            String id = one("select id from support_session where conversation_id = ? and open_key is not null",
                    conversationId);
            if (id != null) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No open session in conversation " + conversationId);
    }

    /** The operator the session is assigned to, waiting a little for the assignment. */
    static String awaitOperator(String sessionId) throws Exception {
        for (int i = 0; i < 50; i++) {
            String op = one("select operator from support_session where id = ?", sessionId);
            if (op != null) {
                return op;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Session " + sessionId + " was never assigned");
    }

    /**
     * Closes every open support session straight in the database: the test classes share one database,
     * and a question another class left waiting would otherwise stand first in this one's queue.
     */
    static void closeOpenSessions() throws Exception {
        try (var c = HubDatabase.connect(); var s = c.createStatement()) {
            s.executeUpdate("delete from support_session_offer");
            s.executeUpdate("update support_session set state = 'CLOSED', open_key = null where state <> 'CLOSED'");
        }
    }

    static String portalOfSession(String sessionId) throws Exception {
        return one("select portal_id from support_session where id = ?", sessionId);
    }

    private static String one(String sql, String arg) throws Exception {
        try (var c = HubDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
