package org.supporthub.core.application.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationOutcome.Status;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.core.domain.model.bot.BotState.*;

/** What the plain bot says to whom. Uses the real texts, so a wrong key shows up as wrong words. */
class PlainBotTest {

    private final BotTexts texts = new BotTexts();
    private final PlainBot bot = new PlainBot(texts);

    private static final PortalUser ADMIN = TestPortals.admin("p-1");
    private static final PortalUser NOT_ADMIN = TestPortals.employee("p-1");

    static Stream<Arguments> adminGreetings() {
        return Stream.of(
                Arguments.of(INSTALLED, "greeting.installed", List.of("activate")),
                Arguments.of(ACTIVATING, "greeting.activating", List.of()),
                Arguments.of(CONNECTED, "greeting.connected", List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("adminGreetings")
    void greets_an_admin_by_the_bot_state(BotState state, String key, List<String> actions) {
        for (SupportLocale locale : SupportLocale.values()) {
            BotReply reply = bot.greet(ADMIN, state, locale);

            assertThat(reply.text()).isEqualTo(texts.text(locale, key, "Anna")).contains("Anna");
            assertThat(reply.actions()).isEqualTo(actions);
        }
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void a_non_admin_is_told_to_ask_an_admin_and_is_never_offered_activation(BotState state) {
        BotReply reply = bot.greet(NOT_ADMIN, state, SupportLocale.EN);

        assertThat(reply.text()).startsWith("Hello Piotr!")
                .contains("Only this portal's administrators can contact the vendor's technical support");
        assertThat(reply.actions()).isEmpty();
    }

    @Test
    void the_installed_greeting_offers_activation_in_english_and_polish() {
        assertThat(bot.greet(ADMIN, INSTALLED, SupportLocale.EN).text())
                .startsWith("Hello Anna!").contains("Click \"Activate\"");
        assertThat(bot.greet(ADMIN, INSTALLED, SupportLocale.PL).text())
                .startsWith("Dzień dobry, Anna!").contains("Kliknij „Aktywuj”");
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void help_for_an_admin_offers_activation_only_when_installed(BotState state) {
        BotReply reply = bot.help(ADMIN, state, SupportLocale.EN);

        assertThat(reply.text()).isEqualTo(texts.text(SupportLocale.EN, "help.admin")).contains("vendor's");
        assertThat(reply.actions()).isEqualTo(state == INSTALLED ? List.of("activate") : List.of());
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void help_for_a_non_admin_never_offers_activation(BotState state) {
        BotReply reply = bot.help(NOT_ADMIN, state, SupportLocale.PL);

        assertThat(reply.text()).isEqualTo(texts.text(SupportLocale.PL, "help.notAdmin"));
        assertThat(reply.actions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void status_names_the_portal_and_its_state(BotState state) {
        for (SupportLocale locale : SupportLocale.values()) {
            BotReply reply = bot.status("Acme intranet", state, locale);

            assertThat(reply.text()).isEqualTo(texts.text(locale, "status." + state.name(), "Acme intranet"))
                    .contains("Acme intranet");
            assertThat(reply.actions()).isEmpty();
        }
    }

    @Test
    void status_texts_differ_per_state() {
        assertThat(Stream.of(BotState.values()).map(s -> bot.status("X", s, SupportLocale.EN).text()).distinct())
                .hasSize(BotState.values().length);
    }

    @ParameterizedTest
    @EnumSource(BotState.class)
    void answers_a_non_admin_that_only_admins_may_ask(BotState state) {
        Optional<BotReply> reply = bot.answer(NOT_ADMIN, state, SupportLocale.EN);

        assertThat(reply).map(BotReply::text).contains(texts.text(SupportLocale.EN, "onlyAdmins"));
        assertThat(reply).map(BotReply::actions).contains(List.of());
    }

    @Test
    void answers_an_admin_by_the_bot_state() {
        assertThat(bot.answer(ADMIN, INSTALLED, SupportLocale.EN))
                .contains(new BotReply(texts.text(SupportLocale.EN, "notActivated"), List.of("activate")));
        assertThat(bot.answer(ADMIN, ACTIVATING, SupportLocale.PL))
                .contains(new BotReply(texts.text(SupportLocale.PL, "activationRunning"), List.of()));
        // Once connected, support staff answer, not the bot.
        assertThat(bot.answer(ADMIN, CONNECTED, SupportLocale.EN)).isEmpty();
        assertThat(bot.answer(ADMIN, DISABLED, SupportLocale.EN)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void explains_a_connection(SupportLocale locale) {
        assertThat(bot.explain(new ActivationOutcome(Status.CONNECTED, List.of()), locale))
                .containsExactly(new BotReply(texts.text(locale, "activation.connected"), List.of()));
    }

    @ParameterizedTest
    @EnumSource(SupportLocale.class)
    void explains_that_the_connection_cannot_be_proved_yet(SupportLocale locale) {
        List<BotReply> replies = bot.explain(new ActivationOutcome(Status.UNAVAILABLE, List.of(),
                List.of("HUB_REACHES_PORTAL", "OPEN_CHANNEL")), locale);
        String unchecked = texts.text(locale, "check.HUB_REACHES_PORTAL") + ", " + texts.text(locale, "check.OPEN_CHANNEL");
        assertThat(replies).containsExactly(new BotReply(texts.text(locale, "activation.unavailable", unchecked),
                List.of("activate")));
        assertThat(replies.get(0).text()).contains(texts.text(locale, "check.OPEN_CHANNEL"));
    }

    @Test
    void explains_each_failure_in_order_with_its_own_text() {
        ActivationOutcome failed = new ActivationOutcome(Status.FAILED, List.of(
                new ActivationFailure("SUPPORT_CHANNEL_DISABLED", null),
                new ActivationFailure("NOT_PORTAL_ADMIN", null)));

        List<BotReply> replies = bot.explain(failed, SupportLocale.EN);

        assertThat(replies).extracting(BotReply::text).containsExactly(
                texts.text(SupportLocale.EN, "activation.failed.SUPPORT_CHANNEL_DISABLED"),
                texts.text(SupportLocale.EN, "activation.failed.NOT_PORTAL_ADMIN"));
        assertThat(replies.get(0).text()).startsWith("The support channel is switched off");
        // Only the last explanation offers to try again, once the causes are fixed.
        assertThat(replies.get(0).actions()).isEmpty();
        assertThat(replies.get(1).actions()).containsExactly("activate");
    }

    @Test
    void bot_replies_copy_their_actions() {
        List<String> actions = new ArrayList<>(List.of("activate"));
        BotReply reply = new BotReply("t", actions);
        actions.add("other");
        assertThat(reply.actions()).containsExactly("activate");
    }
}
