package org.supporthub.core.application;

import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.portal.SupportLocale;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentTextsTest {

    private final AttachmentTexts texts = new AttachmentTexts();

    @Test
    void every_refusal_is_explained_in_polish_and_in_english() {
        for (AttachmentRefusal.Code code : AttachmentRefusal.Code.values()) {
            String en = texts.explain(SupportLocale.EN, new AttachmentRefusal(code, "10 MB"));
            String pl = texts.explain(SupportLocale.PL, new AttachmentRefusal(code, "10 MB"));
            assertThat(en).as(code.name()).isNotBlank().doesNotContain("{0}");
            assertThat(pl).as(code.name()).isNotBlank().isNotEqualTo(en).doesNotContain("{0}");
        }
    }

    @Test
    void the_limit_reached_is_named() {
        assertThat(texts.explain(SupportLocale.PL,
                new AttachmentRefusal(AttachmentRefusal.Code.FILE_TOO_LARGE, "10 MB")))
                .isEqualTo("Plik jest za duży: najwyżej 10 MB na plik.");
        assertThat(texts.explain(SupportLocale.EN,
                new AttachmentRefusal(AttachmentRefusal.Code.FILE_TOO_LARGE, "10 MB")))
                .isEqualTo("The file is too large: at most 10 MB a file.");
    }
}
