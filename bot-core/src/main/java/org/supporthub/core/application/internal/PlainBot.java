package org.supporthub.core.application.internal;

import org.supporthub.core.application.BotTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.List;
import java.util.Optional;

/**
 * The plain support bot: what it says to whom, by the bot's state. It decides words only; storing and
 * delivering them is the chat service's business.
 */
@ApplicationScoped
public class PlainBot {

    static final String ACTIVATE = "activate";

    @Inject
    BotTexts texts;

    public PlainBot() {
    }

    PlainBot(BotTexts texts) {
        this.texts = texts;
    }

    public BotReply greet(PortalUser user, BotState state, SupportLocale locale) {
        if (!user.admin()) {
            return new BotReply(texts.text(locale, "greeting.notAdmin", user.name()), List.of());
        }
        return switch (state) {
            case CONNECTED -> new BotReply(texts.text(locale, "greeting.connected", user.name()), List.of());
            case ACTIVATING -> new BotReply(texts.text(locale, "greeting.activating", user.name()), List.of());
            default -> new BotReply(texts.text(locale, "greeting.installed", user.name()), List.of(ACTIVATE));
        };
    }

    public BotReply help(PortalUser user, BotState state, SupportLocale locale) {
        return new BotReply(texts.text(locale, user.admin() ? "help.admin" : "help.notAdmin"),
                user.admin() && state == BotState.INSTALLED ? List.of(ACTIVATE) : List.of());
    }

    public BotReply status(String portalName, BotState state, SupportLocale locale) {
        return new BotReply(texts.text(locale, "status." + state.name(), portalName), List.of());
    }

    /**
     * The answer to a message that is not a command, or empty when the bot should stay quiet (once
     * connected, support staff answer, not the bot).
     */
    public Optional<BotReply> answer(PortalUser user, BotState state, SupportLocale locale) {
        if (!user.admin()) {
            return Optional.of(new BotReply(texts.text(locale, "onlyAdmins"), List.of()));
        }
        return switch (state) {
            case INSTALLED -> Optional.of(new BotReply(texts.text(locale, "notActivated"), List.of(ACTIVATE)));
            case ACTIVATING -> Optional.of(new BotReply(texts.text(locale, "activationRunning"), List.of()));
            default -> Optional.empty();
        };
    }

    /** Explains an activation's outcome: one message per failed check, each saying what to do. */
    public List<BotReply> explain(ActivationOutcome outcome, SupportLocale locale) {
        return switch (outcome.status()) {
            case CONNECTED -> List.of(new BotReply(texts.text(locale, "activation.connected"), List.of()));
            case UNAVAILABLE -> List.of(new BotReply(texts.text(locale, "activation.unavailable"), List.of()));
            case FAILED -> outcome.failures().stream()
                    .map(f -> new BotReply(texts.text(locale, "activation.failed." + f.code()), List.of()))
                    .toList();
        };
    }
}
