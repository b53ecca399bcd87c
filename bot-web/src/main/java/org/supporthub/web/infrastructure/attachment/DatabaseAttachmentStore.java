package org.supporthub.web.infrastructure.attachment;

import org.supporthub.core.domain.model.attachment.AttachmentStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The default store: content in the hub's own database ({@code attachment_blob}, one row per distinct
 * content), so the README's one command needs nothing else. Each write commits on its own connection
 * before it returns, which is what makes it durable before the message that refers to it is stored.
 *
 * <p>Plain JDBC on the hub's data source, called outside any transaction (see {@link AttachmentStores}):
 * a 10 MB value has no business in the persistence context.
 */
public class DatabaseAttachmentStore implements AttachmentStore {

    private final DataSource dataSource;
    private final Clock clock;

    public DatabaseAttachmentStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void put(String sha256, byte[] content) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (exists(c, sha256)) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into attachment_blob (sha256, size_bytes, content, created_at) values (?, ?, ?, ?)")) {
                insert.setString(1, sha256);
                insert.setLong(2, content.length);
                insert.setBytes(3, content);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another upload of the same content won the race: the content is there, which is all we need.
                if (!exists(c, sha256)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store attachment content", e);
        }
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select content from attachment_blob where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read attachment content", e);
        }
    }

    @Override
    public void delete(String sha256) {
        try (Connection c = dataSource.getConnection();
             // Guarded in the statement itself: content an attachment refers to again is never removed.
             PreparedStatement delete = c.prepareStatement("delete from attachment_blob where sha256 = ? "
                     + "and not exists (select 1 from attachment a where a.sha256 = ?)")) {
            c.setAutoCommit(true);
            delete.setString(1, sha256);
            delete.setString(2, sha256);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete attachment content", e);
        }
    }

    @Override
    public String kind() {
        return "database";
    }

    private static boolean exists(Connection c, String sha256) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select 1 from attachment_blob where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
