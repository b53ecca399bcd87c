package org.supporthub.core.domain.model.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The kinds of file support accepts, each recognised by its content (magic bytes), never by its name or
 * by what the browser claims: a screenshot, a PDF, an archive of logs, or plain text (logs, JSON, XML,
 * YAML, configuration files). Anything else (executables, HTML, office macros outside a ZIP…) is refused.
 *
 * <p>Text is what is left after the binary formats: valid UTF-8 with no NUL byte. HTML is text too, and
 * that is fine: the hub stores and serves it as {@code text/plain} and always as a download (never rendered),
 * so a page in a "log" cannot run in anyone's browser.
 */
public enum FileType {

    PNG("image/png", true, true),
    JPEG("image/jpeg", true, true),
    GIF("image/gif", true, true),
    /** An image, but javax.imageio has no WebP reader: offered as a download, without a thumbnail. */
    WEBP("image/webp", true, false),
    PDF("application/pdf", false, false),
    ZIP("application/zip", false, false),
    GZIP("application/gzip", false, false),
    TAR("application/x-tar", false, false),
    TEXT("text/plain", false, false);

    private final String mediaType;
    private final boolean image;
    private final boolean thumbnail;

    FileType(String mediaType, boolean image, boolean thumbnail) {
        this.mediaType = mediaType;
        this.image = image;
        this.thumbnail = thumbnail;
    }

    /** The media type the file is stored and served as (text is always served as UTF-8 plain text). */
    public String mediaType() {
        return mediaType;
    }

    public boolean image() {
        return image;
    }

    /** Whether the hub draws a thumbnail of it (the image formats javax.imageio reads). */
    public boolean thumbnail() {
        return thumbnail;
    }

    /**
     * What the content is, from its bytes alone.
     *
     * @return empty for anything support does not accept (and for an empty file)
     */
    public static Optional<FileType> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(content, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        // A local file header, or the end record of an empty archive.
        if (startsWith(content, 0, 'P', 'K', 3, 4) || startsWith(content, 0, 'P', 'K', 5, 6)) {
            return Optional.of(ZIP);
        }
        if (startsWith(content, 0, 0x1F, 0x8B)) {
            return Optional.of(GZIP);
        }
        // POSIX ("ustar\0") and old GNU ("ustar  ") archives name their format at offset 257.
        if (startsWith(content, 257, 'u', 's', 't', 'a', 'r')) {
            return Optional.of(TAR);
        }
        return isText(content) ? Optional.of(TEXT) : Optional.empty();
    }

    /** Valid UTF-8 (a byte-order mark allowed) without a NUL: logs, JSON, XML, YAML, configuration. */
    static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int offset, int... magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
