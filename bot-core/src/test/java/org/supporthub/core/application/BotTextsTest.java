package org.supporthub.core.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bot's two languages must say the same things, and every text must render as written. */
class BotTextsTest {

    private static final String EN = "org/supporthub/core/bot/BotTexts_en.properties";
    private static final String PL = "org/supporthub/core/bot/BotTexts_pl.properties";

    /**
     * The failure codes bot-activation's checks report (SupportChannelCheck.CODE, PortalAdministratorCheck.CODE).
     * bot-core cannot see those classes; bot-activation has its own test tying the real constants to these texts.
     */
    private static final Set<String> ACTIVATION_FAILURE_CODES = Set.of("SUPPORT_CHANNEL_DISABLED", "NOT_PORTAL_ADMIN",
            ActivationOutcome.INTERRUPTED, ActivationOutcome.BUSY);

    private final BotTexts texts = new BotTexts();

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BotTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
    }

    @Test
    void english_and_polish_have_exactly_the_same_keys() throws IOException {
        assertThat(load(PL).stringPropertyNames()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(load(EN).stringPropertyNames());
    }

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void every_bot_state_has_a_status_text(SupportLocale locale) {
        for (BotState state : BotState.values()) {
            assertThat(texts.has(locale, "status." + state.name())).as(locale + " status." + state).isTrue();
            assertThat(texts.text(locale, "status." + state.name(), "Acme")).contains("Acme");
        }
    }

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void every_activation_failure_code_is_explained(SupportLocale locale) {
        for (String code : ACTIVATION_FAILURE_CODES) {
            assertThat(texts.has(locale, "activation.failed." + code)).as(locale + " " + code).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {EN, PL})
    void no_text_loses_an_apostrophe_to_message_format_quoting(String resource) throws IOException {
        // BotTexts always goes through MessageFormat, where a single ' starts a quoted section and
        // disappears; a literal apostrophe must be written ''.
        Properties p = load(resource);
        for (String key : p.stringPropertyNames()) {
            String raw = p.getProperty(key);
            assertThat(raw.replace("''", "")).as(resource + " " + key).doesNotContain("'");
            // And every pattern is valid MessageFormat syntax.
            new MessageFormat(raw);
        }
    }

    @Test
    void doubled_apostrophes_render_as_one() {
        String help = texts.text(SupportLocale.EN, "help.admin");

        assertThat(help).contains("vendor's").doesNotContain("''");
        assertThat(texts.text(SupportLocale.EN, "greeting.installed", "Anna"))
                .startsWith("Hello Anna!").contains("portal's administrators").doesNotContain("''");
    }

    @Test
    void fills_in_the_argument_and_reads_polish_as_utf_8() {
        assertThat(texts.text(SupportLocale.PL, "greeting.installed", "Anna")).startsWith("Dzień dobry, Anna!");
        assertThat(texts.text(SupportLocale.PL, "status.DISABLED", "Acme"))
                .isEqualTo("Kanał wsparcia portalu „Acme” jest wyłączony.");
        assertThat(texts.text(SupportLocale.EN, "status.DISABLED", "Acme"))
                .isEqualTo("The support channel of \"Acme\" is switched off.");
    }

    @Test
    void an_argument_is_not_itself_parsed_as_a_pattern() {
        // A user's name with quotes or braces is shown as typed.
        assertThat(texts.text(SupportLocale.EN, "greeting.connected", "O'Brien {0}"))
                .startsWith("Hello O'Brien {0}!");
    }

    @Test
    void channel_disabled_notice_in_both_languages() {
        assertThat(texts.channelDisabled(SupportLocale.EN)).startsWith("The portal switched its support channel off");
        assertThat(texts.channelDisabled(SupportLocale.PL)).startsWith("Portal wyłączył kanał wsparcia");
    }

    @Test
    void an_unknown_key_is_missing_not_guessed() {
        assertThat(texts.has(SupportLocale.EN, "activation.failed.NO_SUCH_CODE")).isFalse();
        assertThatThrownBy(() -> texts.text(SupportLocale.PL, "no.such.key"))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void the_action_label_is_translated() {
        assertThat(texts.text(SupportLocale.EN, "action.activate")).isEqualTo("Activate");
        assertThat(texts.text(SupportLocale.PL, "action.activate")).isEqualTo("Aktywuj");
    }
}
