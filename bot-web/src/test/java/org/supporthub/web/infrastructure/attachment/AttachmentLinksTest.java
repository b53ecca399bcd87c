package org.supporthub.web.infrastructure.attachment;

import org.junit.jupiter.api.Test;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks.Signed;
import org.supporthub.web.infrastructure.attachment.AttachmentLinks.Variant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final byte[] KEY = new byte[32];

    private final AttachmentLinks links = new AttachmentLinks(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    private static AttachmentLinks at(Instant when) {
        return new AttachmentLinks(KEY, Clock.fixed(when, ZoneOffset.UTC));
    }

    @Test
    void a_signed_link_opens_its_file_for_five_minutes_and_no_longer() {
        Signed s = links.sign("a-1", Variant.FILE);

        assertThat(s.expires()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(links.verify("a-1", Variant.FILE, s.expires(), s.signature())).isTrue();
        assertThat(at(NOW.plusSeconds(300)).verify("a-1", Variant.FILE, s.expires(), s.signature())).isTrue();
        assertThat(at(NOW.plusSeconds(301)).verify("a-1", Variant.FILE, s.expires(), s.signature())).isFalse();
    }

    @Test
    void a_link_opens_only_its_own_file_and_variant() {
        Signed s = links.sign("a-1", Variant.THUMBNAIL);

        assertThat(links.verify("a-2", Variant.THUMBNAIL, s.expires(), s.signature())).isFalse();
        assertThat(links.verify("a-1", Variant.FILE, s.expires(), s.signature())).isFalse();
    }

    @Test
    void a_moved_expiry_or_a_forged_signature_is_refused() {
        Signed s = links.sign("a-1", Variant.FILE);

        assertThat(links.verify("a-1", Variant.FILE, s.expires() + 3600, s.signature())).isFalse();
        assertThat(links.verify("a-1", Variant.FILE, s.expires(), s.signature().substring(1) + "A")).isFalse();
        assertThat(links.verify("a-1", Variant.FILE, s.expires(), null)).isFalse();
        // Another key (another hub, or another purpose's key) signs links this hub refuses.
        byte[] other = new byte[32];
        other[0] = 1;
        Signed foreign = new AttachmentLinks(other, Clock.fixed(NOW, ZoneOffset.UTC)).sign("a-1", Variant.FILE);
        assertThat(links.verify("a-1", Variant.FILE, foreign.expires(), foreign.signature())).isFalse();
    }
}
