package org.supporthub.web.infrastructure.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DirectoryAttachmentStoreTest {

    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void content_is_written_under_its_hash_read_back_and_deleted() throws Exception {
        DirectoryAttachmentStore store = new DirectoryAttachmentStore(dir);
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));

        Path file = dir.resolve("ba").resolve(SHA);
        assertThat(file).hasContent("abc");
        assertThat(store.read(SHA)).hasValueSatisfying(b -> assertThat(b).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII)));
        // No temporary file is left behind by the write.
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(file);
        }
        store.delete(SHA);
        assertThat(store.read(SHA)).isEmpty();
    }

    @Test
    void putting_content_that_is_there_already_keeps_it() {
        DirectoryAttachmentStore store = new DirectoryAttachmentStore(dir);
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));
        store.put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.read(SHA)).isPresent();
    }

    @Test
    void a_key_that_is_no_sha256_never_reaches_the_file_system() {
        DirectoryAttachmentStore store = new DirectoryAttachmentStore(dir);
        for (String key : new String[]{"../../etc/passwd", SHA.toUpperCase(), SHA + "/..", "", "ab"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> store.read(key));
            assertThatIllegalArgumentException().isThrownBy(() -> store.put(key, new byte[1]));
        }
    }

    @Test
    void a_store_opened_again_on_the_same_directory_finds_the_content() {
        new DirectoryAttachmentStore(dir).put(SHA, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(new DirectoryAttachmentStore(dir).read(SHA)).isPresent();
    }
}
