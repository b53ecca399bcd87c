package org.supporthub.web.interfaces.rest.attachments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileResourceTest {

    @Test
    void a_download_is_an_attachment_whose_name_cannot_break_the_header() {
        assertThat(FileResource.disposition("server.log"))
                .isEqualTo("attachment; filename=\"server.log\"; filename*=UTF-8''server.log");
        assertThat(FileResource.disposition("zrzut\";x=\"ą.png"))
                .startsWith("attachment; filename=\"zrzut__x___.png\"; filename*=UTF-8''zrzut%22%3Bx%3D%22%C4%85.png");
    }

    @Test
    void downloads_run_nothing_even_when_opened() {
        assertThat(FileResource.SANDBOX).isEqualTo("sandbox; default-src 'none'");
    }
}
