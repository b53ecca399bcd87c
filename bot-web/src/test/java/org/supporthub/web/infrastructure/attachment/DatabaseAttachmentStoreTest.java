package org.supporthub.web.infrastructure.attachment;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The database store on H2 with the tables of the hub's own migration V92. */
class DatabaseAttachmentStoreTest {

    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private JdbcDataSource dataSource;
    private DatabaseAttachmentStore store;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // The tables V92 refers to, reduced to what the store touches, then V92 itself.
            s.execute("create table portal (id varchar(36) primary key)");
            s.execute("create table conversation (id varchar(36) primary key)");
            s.execute("create table chat_message (id varchar(36) primary key)");
            String v92 = new String(getClass().getResourceAsStream("/db/migration/V92__attachments.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String statement : v92.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("insert into portal values ('p')");
            s.execute("insert into conversation values ('c')");
        }
        store = new DatabaseAttachmentStore(dataSource, Clock.systemUTC());
    }

    @Test
    void content_is_stored_once_under_its_hash_and_read_back() throws Exception {
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(store.read(SHA)).hasValueSatisfying(b -> assertThat(b).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII)));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*), max(size_bytes) from attachment_blob")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(3);
        }
    }

    @Test
    void content_an_attachment_still_refers_to_is_not_deleted() throws Exception {
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into attachment (id, conversation_id, portal_id, message_seq, position, file_name, "
                    + "size_bytes, file_type, sha256, created_at) values ('a', 'c', 'p', 1, 0, 'x.log', 3, 'TEXT', '"
                    + SHA + "', current_timestamp)");
        }
        store.delete(SHA);
        assertThat(store.read(SHA)).isPresent();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from attachment");
        }
        store.delete(SHA);
        assertThat(store.read(SHA)).isEmpty();
    }

    @Test
    void a_large_file_round_trips() {
        byte[] big = new byte[10 << 20];
        new java.util.Random(1).nextBytes(big);
        store.put(SHA, big);
        assertThat(store.read(SHA)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
    }
}
