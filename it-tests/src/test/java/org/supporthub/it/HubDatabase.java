package org.supporthub.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Looks into the hub's database from outside (H2's auto-server mode allows a second process), to prove
 * what the hub claims: acknowledged means stored, refused means nothing stored, secrets not kept in clear.
 */
final class HubDatabase {

    private HubDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("hub.it.db.url"),
                System.getProperty("hub.it.db.user"), System.getProperty("hub.it.db.password", ""));
    }

    static long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * The portal's bot state, in one read: asking state by state could see the row move between two of the
     * questions and match none of them.
     */
    static String botState(String portalId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("select bot_state from portal where id = ?")) {
            s.setString(1, portalId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("No portal " + portalId);
                }
                return r.getString(1);
            }
        }
    }

    /** Every column of a portal's row, joined, to search it for what must not be there. */
    static String portalRow(String portalId) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select * from portal where id = ?")) {
            s.setString(1, portalId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.append(r.getString(i)).append('|');
                }
                return row.toString();
            }
        }
    }
}
