package org.supporthub.web.infrastructure.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub makes H2's commits reach the file before they return, on any URL, and says when the database's
 * settings undo its acknowledgements' durability. CrashRecoveryIT proves the effect with {@code kill -9}.
 */
class CommitDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void h2WritesEveryCommitAtOnceAndKeepsThatSettingInTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub");
        try (Connection c = DriverManager.getConnection(url, "hub", "hub")) {
            assertThat(writeDelay(c)).as("H2's own default").isEqualTo("500");
            CommitDurability.Outcome outcome = CommitDurability.ensure(c, url);
            assertThat(outcome.warnings()).isEmpty();
            assertThat(outcome.promise()).contains("WRITE_DELAY 0").contains("does not fsync");
        }
        // Persistent: a later opening of the same file without any setting in the URL keeps it.
        try (Connection c = DriverManager.getConnection(url, "hub", "hub")) {
            assertThat(writeDelay(c)).isEqualTo("0");
        }
    }

    @Test
    void anH2UrlThatDelaysWritesIsReported() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";WRITE_DELAY=300";
        try (Connection c = DriverManager.getConnection(url, "hub", "hub")) {
            CommitDurability.Outcome outcome = CommitDurability.ensure(c, url);
            assertThat(outcome.warnings()).singleElement().asString().contains("WRITE_DELAY=300")
                    .contains("every new connection");
        }
        assertThat(CommitDurability.urlWarnings("jdbc:h2:file:./data/hub;write_delay = 0;AUTO_SERVER=TRUE")).isEmpty();
        assertThat(CommitDurability.urlWarnings("jdbc:h2:file:./data/hub;AUTO_SERVER=TRUE;Write_Delay=1000")).hasSize(1);
    }

    @Test
    void postgreSqlWithoutSynchronousCommitOrFsyncIsReported() {
        assertThat(CommitDurability.checkPostgreSql("on", "on").warnings()).isEmpty();
        assertThat(CommitDurability.checkPostgreSql("on", "local").warnings()).isEmpty();
        assertThat(CommitDurability.checkPostgreSql("on", "off").warnings()).singleElement().asString()
                .contains("synchronous_commit=off");
        assertThat(CommitDurability.checkPostgreSql("off", "on").warnings()).singleElement().asString()
                .contains("fsync=off");
        assertThat(CommitDurability.checkPostgreSql("off", "off").warnings()).hasSize(2);
    }

    private static String writeDelay(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            r.next();
            return r.getString(1);
        }
    }
}
