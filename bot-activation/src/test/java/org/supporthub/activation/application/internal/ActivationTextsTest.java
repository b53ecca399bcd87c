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

    /** Details that need their own words: the general text of their code would mislead. */
    private static final List<String> SPECIFIC = List.of(
            "INVALID_PUBLIC_ADDRESS." + org.supporthub.activation.domain.model.address.UrlRefusal.AMBIGUOUS_IPV4,
            "INVALID_PUBLIC_ADDRESS." + org.supporthub.activation.domain.model.address.UrlRefusal.PORT_NOT_ALLOWED,
            "PUBLIC_ADDRESS_IS_LOCAL." + org.supporthub.activation.domain.model.address.AddressPolicy.HUB_OWN_ADDRESS,
            "NETWORK_ERROR." + org.supporthub.activation.domain.model.reachability.ReachabilityFailure.TLS_REVOKED);

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void address_and_certificate_refusals_have_their_own_explanation(SupportLocale locale) {
        for (String key : SPECIFIC) {
            assertThat(texts.has(locale, "activation.failed." + key)).as(locale + " " + key).isTrue();
            assertThat(texts.text(locale, "activation.failed." + key))
                    .isNotEqualTo(texts.text(locale, "activation.failed." + key.substring(0, key.indexOf('.'))));
        }
    }
}
