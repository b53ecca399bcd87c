package org.supporthub.core.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.domain.model.conversation.ReadMarkRepository;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read receipts announce a mark only when it moved: a repeat or a lower number is answered with nothing and
 * tells nobody; a number below 1 is refused before the store is asked. (The store's own rule, never down and
 * never above the last message, is one SQL update; ChatIT proves it on the real databases.)
 */
class DefaultReadReceiptServiceTest {

    private final RecordingEvent<ReadReceipt> announced = new RecordingEvent<>();
    private final DefaultReadReceiptService service = new DefaultReadReceiptService();
    private final Map<String, Long> stored = new HashMap<>();
    private int asked;

    DefaultReadReceiptServiceTest() {
        service.announced = announced;
        // Stands in for the conditional update: up only, and at most to the conversation's last message (10).
        service.marks = new ReadMarkRepository() {
            @Override
            public OptionalLong raise(String conversationId, ReadSide side, long seq) {
                asked++;
                String key = conversationId + side;
                long target = Math.min(seq, 10);
                if (stored.getOrDefault(key, 0L) >= target) {
                    return OptionalLong.empty();
                }
                stored.put(key, target);
                return OptionalLong.of(target);
            }

            @Override
            public ReadMarks marks(String conversationId) {
                return new ReadMarks(stored.getOrDefault(conversationId + ReadSide.OPERATOR, 0L),
                        stored.getOrDefault(conversationId + ReadSide.ADMINISTRATOR, 0L));
            }
        };
    }

    @Test
    void aMarkThatMovesIsAnnouncedOnceWithWhereItMovedTo() {
        assertThat(service.read("conv-1", ReadSide.OPERATOR, 4)).contains(new ReadReceipt("conv-1", ReadSide.OPERATOR, 4));
        assertThat(service.read("conv-1", ReadSide.OPERATOR, 4)).isEmpty();
        assertThat(service.read("conv-1", ReadSide.OPERATOR, 2)).isEmpty();
        assertThat(service.read("conv-1", ReadSide.OPERATOR, 99)).contains(new ReadReceipt("conv-1", ReadSide.OPERATOR, 10));

        assertThat(announced.fired).containsExactly(new ReadReceipt("conv-1", ReadSide.OPERATOR, 4),
                new ReadReceipt("conv-1", ReadSide.OPERATOR, 10));
        assertThat(service.marks("conv-1")).isEqualTo(new ReadMarks(10, 0));
    }

    @Test
    void aNumberBelowOneIsRefusedWithoutAskingTheStore() {
        assertThatThrownBy(() -> service.read("conv-1", ReadSide.ADMINISTRATOR, 0))
                .isInstanceOfSatisfying(InvalidChatInputException.class,
                        e -> assertThat(e.code()).isEqualTo(InvalidChatInputException.Code.INVALID_SEQ));
        assertThat(asked).isZero();
        assertThat(announced.fired).isEmpty();
    }
}
