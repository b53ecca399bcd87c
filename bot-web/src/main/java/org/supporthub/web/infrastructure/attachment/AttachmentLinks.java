package org.supporthub.web.infrastructure.attachment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.infrastructure.security.SecretSealer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Short-lived signed download links. A participant asks for a link (proving who they are with their widget
 * or console token); the link alone then opens the file for {@link #LIFETIME}, so that an {@code <img>} or a
 * plain download can use it without headers, and a link copied out of a browser is soon worthless.
 *
 * <p>The signature is HMAC-SHA256 with a key of its own, derived from the hub key for this purpose only
 * ("attachment-links/v1"), over a context string, the attachment id, the variant (file or thumbnail) and the
 * expiry: a link for a thumbnail does not open the file, and no other signature of the hub verifies here.
 */
@ApplicationScoped
public class AttachmentLinks {

    /** How long a link opens its file. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final String CONTEXT = "support-hub/v1/attachment-link";

    /** What a link opens: the file itself, or the hub's thumbnail of an image. */
    public enum Variant {
        FILE, THUMBNAIL;

        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Variant> of(String param) {
            for (Variant v : values()) {
                if (v.param().equals(param)) {
                    return java.util.Optional.of(v);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** A signed link's query: expiry (seconds since the epoch) and signature. */
    public record Signed(long expires, String signature) {
    }

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    private byte[] key;

    public AttachmentLinks() {
    }

    /** For tests: a given key and clock. */
    public AttachmentLinks(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        key = sealer.derive("attachment-links/v1");
    }

    public Signed sign(String attachmentId, Variant variant) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return new Signed(expires, mac(attachmentId, variant, expires));
    }

    /** Whether the link is one this hub signed for this attachment and variant, and has not expired. */
    public boolean verify(String attachmentId, Variant variant, long expires, String signature) {
        if (attachmentId == null || signature == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        byte[] expected = mac(attachmentId, variant, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String attachmentId, Variant variant, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((CONTEXT + "\n" + attachmentId + "\n" + variant.param() + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an attachment link", e);
        }
    }
}
