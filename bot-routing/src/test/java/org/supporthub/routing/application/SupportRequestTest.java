package org.supporthub.routing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SupportRequestTest {

    private static final Instant ASKED_AT = Instant.parse("2025-01-06T08:00:00Z");

    @Test
    void keeps_a_complete_request() {
        SupportRequest request = new SupportRequest("portal-1", "conv-1", "channel-1", ASKED_AT);

        assertThat(request.portalId()).isEqualTo("portal-1");
        assertThat(request.conversationId()).isEqualTo("conv-1");
        assertThat(request.channelId()).isEqualTo("channel-1");
        assertThat(request.askedAt()).isEqualTo(ASKED_AT);
    }

    @Test
    void refuses_missing_fields() {
        assertThatNullPointerException()
                .isThrownBy(() -> new SupportRequest(null, "conv-1", "channel-1", ASKED_AT))
                .withMessageContaining("portalId");
        assertThatNullPointerException()
                .isThrownBy(() -> new SupportRequest("portal-1", null, "channel-1", ASKED_AT))
                .withMessageContaining("conversationId");
        assertThatNullPointerException()
                .isThrownBy(() -> new SupportRequest("portal-1", "conv-1", null, ASKED_AT))
                .withMessageContaining("channelId");
        assertThatNullPointerException()
                .isThrownBy(() -> new SupportRequest("portal-1", "conv-1", "channel-1", null))
                .withMessageContaining("askedAt");
    }

    @Test
    void refuses_blank_ids() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SupportRequest("", "conv-1", "channel-1", ASKED_AT))
                .withMessageContaining("portalId");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SupportRequest("portal-1", " ", "channel-1", ASKED_AT))
                .withMessageContaining("conversationId");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SupportRequest("portal-1", "conv-1", "\t", ASKED_AT))
                .withMessageContaining("channelId");
    }
}
