package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.AttachmentService.IncomingFile;
import org.supporthub.core.application.AttachmentService.Uploaded;
import org.supporthub.core.application.AttachmentSettings;
import org.supporthub.core.domain.model.attachment.AttachmentLimits;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.attachment.AttachmentRefusedException;
import org.supporthub.core.domain.model.attachment.FileType;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload path over in-memory conversations, records and store: exactly once, stored before recorded, limits. */
class DefaultAttachmentServiceTest {

    private static final String ID_1 = "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b";
    private static final String ID_2 = "1b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b";
    private static final byte[] LOG = "2026-12-01 ERROR refused\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
    private final InMemoryAttachments attachments = new InMemoryAttachments();
    private final RecordingEvent<ConversationMessage> stored = new RecordingEvent<>();
    private AttachmentLimits limits = new AttachmentLimits(100, 2, 150, 1000);
    private ConversationLog conversationLog;
    private DefaultAttachmentService service;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        conversationLog = ConversationLogTest.logOver(conversations, stored);
        conversationLog.attachments.attachments = attachments;
        conversation = conversationLog.create(TestPortals.admin("p-1"));
        AttachmentLog log = new AttachmentLog();
        log.conversations = conversations;
        log.attachments = attachments;
        log.stored = stored;
        log.clock = Clock.fixed(TestPortals.NOW, ZoneOffset.UTC);
        service = new DefaultAttachmentService();
        service.log = log;
        service.attachments = attachments;
        service.store = attachments;
        service.settings = new AttachmentSettings() {
            @Override
            public AttachmentLimits limits() {
                return limits;
            }
        };
    }

    private Uploaded upload(String clientMsgId, IncomingFile... files) {
        return service.upload(conversation.id(), AuthorKind.USER, "Anna", clientMsgId, "see the log", List.of(files));
    }

    @Test
    void a_message_with_files_is_numbered_recorded_with_its_detected_types_and_announced() {
        Uploaded u = upload(ID_1, new IncomingFile("server.log", LOG), new IncomingFile("shot.png", PNG));

        assertThat(u.duplicate()).isFalse();
        assertThat(u.seq()).isEqualTo(1);
        assertThat(u.files()).extracting(f -> f.name() + " " + f.type() + " " + f.thumbnail())
                .containsExactly("server.log text/plain false", "shot.png image/png true");
        assertThat(attachments.blobs).containsKey(DefaultAttachmentService.sha256(LOG));
        assertThat(stored.fired).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("see the log");
            assertThat(m.attachments()).isEqualTo(u.files());
        });
        // A replay (a reconnect) shows the same files with the message.
        assertThat(conversationLog.messagesAfter(conversation.id(), 0, 10)).singleElement()
                .satisfies(m -> assertThat(m.attachments()).isEqualTo(u.files()));
    }

    @Test
    void the_same_client_id_again_answers_with_the_stored_message_and_stores_nothing() {
        Uploaded first = upload(ID_1, new IncomingFile("server.log", LOG));
        Uploaded again = upload(ID_1.toUpperCase(), new IncomingFile("other.log", "other".getBytes(StandardCharsets.UTF_8)));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.seq()).isEqualTo(first.seq());
        assertThat(again.files()).isEqualTo(first.files());
        assertThat(conversations.messages).hasSize(1);
        assertThat(attachments.records).hasSize(1);
        assertThat(attachments.puts).hasSize(1);
        assertThat(stored.fired).hasSize(1);
    }

    @Test
    void a_forbidden_type_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> upload(ID_1, new IncomingFile("setup.exe", new byte[]{'M', 'Z', 0, 0})))
                .isInstanceOf(AttachmentRefusedException.class)
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.FORBIDDEN_TYPE);
        assertThat(attachments.puts).isEmpty();
        assertThat(conversations.messages).isEmpty();
    }

    @Test
    void a_conversation_over_its_total_keeps_no_bytes_of_the_refused_message() {
        upload(ID_1, new IncomingFile("a.log", "a".repeat(100).getBytes(StandardCharsets.UTF_8)));
        byte[] more = "b".repeat(60).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> upload(ID_2, new IncomingFile("b.log", more)))
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.CONVERSATION_FULL);
        assertThat(attachments.blobs).doesNotContainKey(DefaultAttachmentService.sha256(more));
        assertThat(conversations.messages).hasSize(1);
    }

    @Test
    void the_portals_bytes_of_the_day_are_counted_across_its_conversations() {
        limits = new AttachmentLimits(100, 2, 1000, 150);
        Conversation other = conversationLog.create(TestPortals.employee("p-1"));
        service.upload(other.id(), AuthorKind.USER, "Jan", ID_1, null,
                List.of(new IncomingFile("a.log", "a".repeat(100).getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> upload(ID_2, new IncomingFile("b.log", "b".repeat(60).getBytes(StandardCharsets.UTF_8))))
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.PORTAL_DAILY_LIMIT);
        // Each upload counted the portal's bytes only under the portal's upload lock (two uploads of one
        // portal at once, on two instances, could otherwise both pass the total).
        assertThat(attachments.calls).containsExactly("lock p-1", "bytesOfPortalSince p-1", "lock p-1",
                "bytesOfPortalSince p-1");
    }

    @Test
    void a_bad_client_id_too_many_files_and_a_file_too_large_are_refused() {
        assertThatThrownBy(() -> upload("nope", new IncomingFile("a.log", LOG)))
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.INVALID_CLIENT_MSG_ID);
        assertThatThrownBy(() -> upload(ID_1, new IncomingFile("a", LOG), new IncomingFile("b", LOG),
                new IncomingFile("c", LOG)))
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.TOO_MANY_FILES);
        assertThatThrownBy(() -> upload(ID_1, new IncomingFile("a", new byte[101])))
                .extracting(e -> ((AttachmentRefusedException) e).refusal().code())
                .isEqualTo(AttachmentRefusal.Code.FILE_TOO_LARGE);
        assertThat(attachments.puts).isEmpty();
    }

    @Test
    void a_file_name_keeps_no_path_and_no_control_characters() {
        assertThat(DefaultAttachmentService.cleanName("../../etc/passwd", FileType.TEXT)).isEqualTo("passwd");
        assertThat(DefaultAttachmentService.cleanName("C:\\logs\\server.log", FileType.TEXT)).isEqualTo("server.log");
        assertThat(DefaultAttachmentService.cleanName("a\r\nb\"c.png", FileType.PNG)).isEqualTo("abc.png");
        assertThat(DefaultAttachmentService.cleanName("", FileType.PNG)).isEqualTo("image.png");
        assertThat(DefaultAttachmentService.cleanName(null, FileType.TEXT)).isEqualTo("file.txt");
        assertThat(DefaultAttachmentService.cleanName("x".repeat(300), FileType.TEXT)).hasSize(255);
    }

    @Test
    void content_is_addressed_by_its_sha256() {
        assertThat(DefaultAttachmentService.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
