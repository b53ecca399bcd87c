package org.supporthub.core.domain.model.attachment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length + 16];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        // Binary padding after the magic: without the magic this content would be no text either.
        Arrays.fill(b, values.length, b.length, (byte) 0);
        return b;
    }

    @Test
    void recognises_each_accepted_binary_format_by_its_magic_bytes() {
        assertThat(FileType.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).contains(FileType.PNG);
        assertThat(FileType.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(FileType.JPEG);
        assertThat(FileType.detect(bytes('G', 'I', 'F', '8', '9', 'a'))).contains(FileType.GIF);
        assertThat(FileType.detect(bytes('G', 'I', 'F', '8', '7', 'a'))).contains(FileType.GIF);
        assertThat(FileType.detect(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'))).contains(FileType.WEBP);
        assertThat(FileType.detect(bytes('%', 'P', 'D', 'F', '-', '1', '.', '7'))).contains(FileType.PDF);
        assertThat(FileType.detect(bytes('P', 'K', 3, 4))).contains(FileType.ZIP);
        assertThat(FileType.detect(bytes('P', 'K', 5, 6))).contains(FileType.ZIP);
        assertThat(FileType.detect(bytes(0x1F, 0x8B, 8))).contains(FileType.GZIP);
    }

    @Test
    void recognises_a_tar_archive_by_ustar_at_offset_257() {
        byte[] tar = new byte[512];
        byte[] name = "logs/server.log".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, tar, 0, name.length);
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 6);
        assertThat(FileType.detect(tar)).contains(FileType.TAR);
        tar[257] = 'x';
        assertThat(FileType.detect(tar)).isEmpty();
    }

    @Test
    void logs_json_xml_and_yaml_are_text_in_any_language() {
        for (String s : new String[]{"2026-12-01 ERROR Connection refused\n", "{\"a\": [1, 2]}", "<?xml version=\"1.0\"?><a/>",
                "key: wartość\nlist:\n  - ąęść\n", "\uFEFFwith a byte-order mark"}) {
            assertThat(FileType.detect(s.getBytes(StandardCharsets.UTF_8))).as(s).contains(FileType.TEXT);
        }
    }

    @Test
    void text_with_a_nul_or_invalid_utf8_is_refused() {
        assertThat(FileType.detect("abc\0def".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.detect(new byte[]{'a', (byte) 0xC3, 'b'})).isEmpty();
        assertThat(FileType.detect("zażółć".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void executables_and_other_binaries_are_refused_whatever_they_are_called() {
        assertThat(FileType.detect(bytes('M', 'Z', 0x90, 0))).isEmpty();            // a Windows executable
        assertThat(FileType.detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEmpty();   // an ELF binary
        assertThat(FileType.detect(bytes(0xD0, 0xCF, 0x11, 0xE0))).isEmpty();        // an old Office document
        assertThat(FileType.detect(new byte[0])).isEmpty();
        assertThat(FileType.detect(null)).isEmpty();
    }

    @Test
    void only_the_images_imageio_reads_have_thumbnails() {
        assertThat(FileType.PNG.thumbnail()).isTrue();
        assertThat(FileType.JPEG.thumbnail()).isTrue();
        assertThat(FileType.GIF.thumbnail()).isTrue();
        assertThat(FileType.WEBP.thumbnail()).isFalse();
        assertThat(FileType.PDF.thumbnail()).isFalse();
        assertThat(FileType.TEXT.mediaType()).isEqualTo("text/plain");
    }
}
