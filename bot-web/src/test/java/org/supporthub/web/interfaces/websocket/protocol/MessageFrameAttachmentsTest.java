package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code attachments} array of message frames (docs/protocol.md, section 13). */
class MessageFrameAttachmentsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void a_message_with_files_lists_them_on_both_sides() {
        ConversationMessage m = new ConversationMessage("p1", "conv-1", 7, "0b9d6b5e-3c7a-4f4e-9a51-6f1c2d3e4a5b",
                AuthorKind.USER, "Anna", "", List.of(), Instant.parse("2026-12-01T10:00:00Z"),
                List.of(new AttachedFile("a-1", "shot.png", 1234, "image/png", true),
                        new AttachedFile("a-2", "server.log", 99, "text/plain", false)));

        for (String encoded : List.of(MessageFrame.forWidget(m, SupportLocale.EN, new BotTexts()).encode(),
                MessageFrame.forConsole(m, new BotTexts()).encode())) {
            JsonObject frame = json(encoded);
            assertThat(frame.getJsonArray("attachments")).hasSize(2);
            JsonObject first = frame.getJsonArray("attachments").getJsonObject(0);
            assertThat(first.getString("id")).isEqualTo("a-1");
            assertThat(first.getString("name")).isEqualTo("shot.png");
            assertThat(first.getJsonNumber("size").longValue()).isEqualTo(1234);
            assertThat(first.getString("type")).isEqualTo("image/png");
            assertThat(first.getBoolean("thumbnail")).isTrue();
            assertThat(frame.getJsonArray("attachments").getJsonObject(1).getBoolean("thumbnail")).isFalse();
        }
    }

    @Test
    void a_message_without_files_has_no_attachments_array() {
        ConversationMessage m = new ConversationMessage("p1", "conv-1", 8, null, AuthorKind.BOT, "Bot", "Hi",
                List.of(), Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(json(MessageFrame.forWidget(m, SupportLocale.EN, new BotTexts()).encode()).containsKey("attachments"))
                .isFalse();
    }
}
