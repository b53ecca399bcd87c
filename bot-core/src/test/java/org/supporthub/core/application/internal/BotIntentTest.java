package org.supporthub.core.application.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BotIntentTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            // English and Polish words, any case
            "help               | HELP",
            "HELP               | HELP",
            "pomoc              | HELP",
            "Pomoc              | HELP",
            "?                  | HELP",
            "/help              | HELP",
            "status             | STATUS",
            "Status             | STATUS",
            "stan               | STATUS",
            "/status            | STATUS",
            "activate           | ACTIVATE",
            "activation         | ACTIVATE",
            "/activate          | ACTIVATE",
            "aktywuj            | ACTIVATE",
            "AKTYWUJ            | ACTIVATE",
            "aktywacja          | ACTIVATE",
            "aktywuj bota       | ACTIVATE",
            "activate bot       | ACTIVATE",
            "activate the bot   | ACTIVATE",
            // trailing punctuation is dropped...
            "help!              | HELP",
            "pomoc?             | HELP",
            "status?            | STATUS",
            "Aktywuj bota!      | ACTIVATE",
            "activate the bot...| ACTIVATE",
            "stan?!             | STATUS",
            // ...and so are diacritics, so "pomóc" (the verb) reads as "pomoc"
            "pomóc              | HELP",
            "Pomóc!             | HELP",
            "aktywację          | OTHER",
            "ąktywuj            | ACTIVATE",
            // what support covers, in any state
            "What does support cover?        | POLICY",
            "what is covered                 | POLICY",
            "Co obejmuje wsparcie?           | POLICY",
            "zakres wsparcia                 | POLICY",
            "Zakres pomocy                   | POLICY",
            "co obejmuje pomoc techniczna    | POLICY",
            "/policy                         | POLICY",
            "what does support cover for us  | OTHER",
    })
    void recognises_commands_in_both_languages(String text, BotIntent expected) {
        assertThat(BotIntent.of(text)).isEqualTo(expected);
    }

    @Test
    void surrounding_and_inner_whitespace_does_not_matter() {
        assertThat(BotIntent.of("   help   ")).isEqualTo(BotIntent.HELP);
        assertThat(BotIntent.of("\tstatus\n")).isEqualTo(BotIntent.STATUS);
        assertThat(BotIntent.of("aktywuj    bota")).isEqualTo(BotIntent.ACTIVATE);
        assertThat(BotIntent.of(" activate \t the \n bot ")).isEqualTo(BotIntent.ACTIVATE);
        assertThat(BotIntent.of("  ?  ")).isEqualTo(BotIntent.HELP);
    }

    @Test
    void decomposed_diacritics_are_folded_too() {
        // "pomóc" typed with a combining acute accent (NFD), as some keyboards and browsers send it.
        assertThat(BotIntent.of("pomo\u0301c")).isEqualTo(BotIntent.HELP);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "hello", "help me", "please help", "how do I activate the bot?", "statusy",
            "??", "!", "activate now", "pomocy", "status of my licence", "/start", "h e l p"})
    void anything_else_is_a_question_for_support(String text) {
        assertThat(BotIntent.of(text)).isEqualTo(BotIntent.OTHER);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Zażółć gęślą jaźń   | zazolc gesla jazn",
            "ŁÓDŹ                | lodz",
            "'  Help!!  '        | help",
            "Status ?            | status",
            "?                   | ?",
    })
    void normalise_folds_case_diacritics_whitespace_and_trailing_punctuation(String text, String expected) {
        assertThat(BotIntent.normalise(text)).isEqualTo(expected);
    }

    @Test
    void normalise_treats_null_as_empty() {
        assertThat(BotIntent.normalise(null)).isEmpty();
    }

    @ParameterizedTest(name = "command ''{0}'' -> {1}")
    @CsvSource({"help, HELP", "status, STATUS", "activate, ACTIVATE", "policy, POLICY", "send-anyway, SEND_ANYWAY",
            "end-session, END_SESSION"})
    void button_commands_by_exact_name(String name, BotIntent expected) {
        assertThat(BotIntent.command(name)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"HELP", "Help", " help", "pomoc", "aktywuj", "/help", "other", "OTHER", "bogus",
            "send anyway", "SEND_ANYWAY", "end session", "END_SESSION"})
    void other_command_names_are_not_commands(String name) {
        // Buttons send exact protocol names (activate, help, status); free text goes through of(), not here.
        assertThat(BotIntent.command(name)).isEmpty();
    }
}
