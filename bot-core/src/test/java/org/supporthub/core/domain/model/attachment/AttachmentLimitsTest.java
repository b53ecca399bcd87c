package org.supporthub.core.domain.model.attachment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentLimitsTest {

    private final AttachmentLimits limits = new AttachmentLimits(1000, 2, 5000, 8000);

    @Test
    void defaults_are_ten_megabytes_five_files_fifty_megabytes_and_two_hundred_a_day() {
        assertThat(AttachmentLimits.DEFAULTS).isEqualTo(new AttachmentLimits(10L << 20, 5, 50L << 20, 200L << 20));
    }

    @Test
    void a_message_within_the_limits_passes() {
        assertThat(limits.checkMessage(List.of(1000L, 1L))).isEmpty();
        assertThat(limits.checkTotals(2000, 3000, 6000)).isEmpty();
    }

    @Test
    void a_file_one_byte_over_is_too_large() {
        assertThat(limits.checkMessage(List.of(1001L))).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.FILE_TOO_LARGE);
    }

    @Test
    void one_file_more_than_a_message_may_carry_is_refused() {
        assertThat(limits.checkMessage(List.of(1L, 1L, 1L))).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.TOO_MANY_FILES);
        assertThat(limits.checkMessage(List.of())).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.NO_FILE);
        assertThat(limits.checkMessage(List.of(0L))).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.EMPTY_FILE);
    }

    @Test
    void the_conversation_total_and_the_portals_day_are_checked_with_what_is_added() {
        assertThat(limits.checkTotals(1, 5000, 0)).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.CONVERSATION_FULL);
        assertThat(limits.checkTotals(1000, 4000, 0)).isEmpty();
        assertThat(limits.checkTotals(1, 0, 8000)).get().extracting(AttachmentRefusal::code)
                .isEqualTo(AttachmentRefusal.Code.PORTAL_DAILY_LIMIT);
        assertThat(limits.checkTotals(1000, 0, 7000)).isEmpty();
    }

    @Test
    void refusals_name_the_limit_in_megabytes() {
        assertThat(AttachmentLimits.DEFAULTS.checkMessage(List.of(11L << 20)).orElseThrow().args())
                .containsExactly("10 MB");
        assertThat(AttachmentLimits.megabytes(200 * 1024)).isEqualTo("0.2 MB");
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new AttachmentLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
