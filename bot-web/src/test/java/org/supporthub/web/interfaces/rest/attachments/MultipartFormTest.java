package org.supporthub.web.interfaces.rest.attachments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----b0undary";

    private static byte[] body(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_fields_and_files_as_a_browser_sends_them() throws Exception {
        List<MultipartForm.Part> parts = MultipartForm.parse(TYPE, body("""
                ------b0undary
                Content-Disposition: form-data; name="text"

                see attached
                ------b0undary
                Content-Disposition: form-data; name="file"; filename="zrzut ekranu.png"
                Content-Type: image/png

                PNGDATA
                with a line break
                ------b0undary
                Content-Disposition: form-data; name="file"; filename=""

                x
                ------b0undary--
                """));

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).isFile()).isFalse();
        assertThat(parts.get(0).text()).isEqualTo("see attached");
        assertThat(parts.get(1).fileName()).isEqualTo("zrzut ekranu.png");
        assertThat(parts.get(1).text()).isEqualTo("PNGDATA\r\nwith a line break");
        assertThat(parts.get(2).isFile()).isTrue();
    }

    @Test
    void the_boundary_may_be_quoted() {
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=\"a b\"")).contains("a b");
        assertThat(MultipartForm.boundary("application/octet-stream")).isEmpty();
    }

    @Test
    void bodies_that_are_no_form_are_refused() {
        assertThatThrownBy(() -> MultipartForm.parse("text/plain", body("x")))
                .isInstanceOf(MultipartForm.MalformedException.class);
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, body("no boundary at all")))
                .isInstanceOf(MultipartForm.MalformedException.class);
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, body("""
                ------b0undary
                Content-Disposition: form-data; name="file"; filename="a.log"

                never ends""")))
                .isInstanceOf(MultipartForm.MalformedException.class);
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, body("""
                ------b0undary
                Content-Type: text/plain

                x
                ------b0undary--
                """)))
                .isInstanceOf(MultipartForm.MalformedException.class);
    }
}
