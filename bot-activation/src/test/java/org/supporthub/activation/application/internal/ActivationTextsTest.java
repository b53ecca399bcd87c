package org.supporthub.activation.application.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure code a check can report must have words in the bot's bundles, or the bot cannot explain it. */
class ActivationTextsTest {

    private static final List<String> CODES = List.of(SupportChannelCheck.CODE, PortalAdministratorCheck.CODE);

    private final BotTexts texts = new BotTexts();

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void every_check_code_has_an_explanation(SupportLocale locale) {
        for (String code : CODES) {
            assertThat(texts.has(locale, "activation.failed." + code)).as(locale + " " + code).isTrue();
            assertThat(texts.text(locale, "activation.failed." + code)).isNotBlank();
        }
    }
}
