package org.supporthub.web.infrastructure.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a committed transaction survive a crash of the hub, whatever database URL the operator wrote:
 * the hub acknowledges a message only after its transaction committed, and that promise is worth only
 * what the database does at commit.
 *
 * <ul>
 *   <li><b>H2</b> (the embedded default) writes its store to the file lazily, up to {@code WRITE_DELAY}
 *   (500 ms) after a commit: a {@code kill -9} of the hub lost acknowledged messages, and their sequence
 *   numbers were handed out again after the restart. {@code SET WRITE_DELAY 0} makes every commit write
 *   the store to the file before it returns. The setting is persistent (stored in the database file), but
 *   a {@code WRITE_DELAY} in the JDBC URL sets it again on every new connection, so such a URL is
 *   reported. H2 2.2 does not {@code fsync} on commit: the write survives a crash of the JVM, not
 *   necessarily one of the operating system or a power loss.</li>
 *   <li><b>PostgreSQL</b> with its defaults ({@code fsync} and {@code synchronous_commit} on) flushes its
 *   write-ahead log before a commit returns; either switched off is reported.</li>
 * </ul>
 */
final class CommitDurability {

    /** A {@code WRITE_DELAY} setting in an H2 URL, e.g. {@code ;WRITE_DELAY=500}. */
    private static final Pattern URL_WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*(-?\\d+)");

    /** What the database promises now, and what undermines it. */
    record Outcome(String promise, List<String> warnings) {
    }

    private CommitDurability() {
    }

    /**
     * Sets what the database needs for durable commits, where the hub can, and reports the rest.
     *
     * @param configuredUrl the URL the operator configured (H2's metadata leaves its settings out)
     */
    static Outcome ensure(Connection connection, String configuredUrl) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return ensureH2(connection, configuredUrl);
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return checkPostgreSql(setting(connection, "show fsync"), setting(connection, "show synchronous_commit"));
        }
        return new Outcome(product + ": the database's own commit durability (not checked by the hub)", List.of());
    }

    private static Outcome ensureH2(Connection connection, String configuredUrl) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            // Only an administrator of the database may change it (the user that created it is one).
            warnings.add("Could not SET WRITE_DELAY 0 (" + e.getMessage() + "): H2 may keep commits in memory for "
                    + "up to its write delay, and acknowledged messages can be lost when the hub is killed");
        }
        String delay = setting(connection,
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'");
        warnings.addAll(urlWarnings(configuredUrl));
        if (!"0".equals(delay)) {
            warnings.add("H2's WRITE_DELAY is " + delay + " ms: commits reach the database file up to that late, "
                    + "and acknowledged messages can be lost when the hub is killed");
        }
        return new Outcome("H2 with WRITE_DELAY " + delay + ": every commit is written to the database file before it "
                + "returns (survives a crash of the hub's JVM; H2 does not fsync, so a power loss or an operating "
                + "system crash can still lose the last commits)", warnings);
    }

    /** An H2 URL that sets a write delay other than 0 undoes {@code SET WRITE_DELAY 0} on each new connection. */
    static List<String> urlWarnings(String url) {
        if (url == null) {
            return List.of();
        }
        Matcher m = URL_WRITE_DELAY.matcher(url);
        List<String> warnings = new ArrayList<>();
        while (m.find()) {
            if (Long.parseLong(m.group(1)) != 0) {
                warnings.add("The database URL sets WRITE_DELAY=" + m.group(1) + ", which H2 applies again on every "
                        + "new connection: acknowledged messages can be lost when the hub is killed. Remove it "
                        + "from support.hub.db.url (SUPPORT_HUB_DB_URL)");
            }
        }
        return warnings;
    }

    /** PostgreSQL's two settings that decide whether a commit is on disk before it returns. */
    static Outcome checkPostgreSql(String fsync, String synchronousCommit) {
        List<String> warnings = new ArrayList<>();
        if ("off".equals(normalised(synchronousCommit))) {
            warnings.add("PostgreSQL runs with synchronous_commit=off: a commit returns before its write-ahead log "
                    + "is flushed, so a crash of the PostgreSQL server can lose messages the hub acknowledged");
        }
        if ("off".equals(normalised(fsync))) {
            warnings.add("PostgreSQL runs with fsync=off: an operating system crash or a power loss can lose "
                    + "acknowledged messages or corrupt the database");
        }
        return new Outcome("PostgreSQL with fsync=" + fsync + " and synchronous_commit=" + synchronousCommit
                + (warnings.isEmpty() ? ": every commit is flushed to disk before it returns" : ""), warnings);
    }

    private static String normalised(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String setting(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
