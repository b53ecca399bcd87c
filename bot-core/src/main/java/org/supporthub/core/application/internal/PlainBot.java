package org.supporthub.core.application.internal;

import org.supporthub.core.application.BotTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationProgress;
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

    /**
     * The support policy, one message per area: what support covers, where it gives only general
     * recommendations, and what it does not do (with where to go instead).
     */
    public List<BotReply> policy(org.supporthub.core.domain.model.policy.SupportPolicy policy, SupportLocale locale) {
        List<BotReply> replies = new java.util.ArrayList<>();
        replies.add(new BotReply(texts.text(locale, "policy.intro"), List.of()));
        for (org.supporthub.core.domain.model.policy.SupportArea area
                : org.supporthub.core.domain.model.policy.SupportArea.values()) {
            StringBuilder text = new StringBuilder(texts.text(locale, "policy.area." + area.name()));
            for (org.supporthub.core.domain.model.policy.PolicyItem item : policy.items(area)) {
                text.append('\n').append(texts.text(locale, "policy.mark." + item.coverage().name()))
                        .append(' ').append(item.text(locale));
            }
            replies.add(new BotReply(text.toString(), List.of()));
        }
        replies.add(new BotReply(texts.text(locale, "policy.partners"), List.of()));
        return replies;
    }

    /** Explains an activation's outcome: one message per failed check, each saying what to do. */
    public List<BotReply> explain(ActivationOutcome outcome, SupportLocale locale) {
        return switch (outcome.status()) {
            case CONNECTED -> List.of(new BotReply(texts.text(locale, "activation.connected"), List.of()));
            case UNAVAILABLE -> List.of(new BotReply(texts.text(locale, "activation.unavailable",
                    String.join(", ", outcome.unchecked().stream().map(c -> texts.text(locale, "check." + c)).toList())),
                    List.of(ACTIVATE)));
            case ALREADY_RUNNING -> List.of(new BotReply(texts.text(locale, "activationRunning"), List.of()));
            case FAILED -> {
                List<BotReply> replies = outcome.failures().stream()
                        .map(f -> new BotReply(texts.text(locale, failureKey(locale, f), f.args().toArray()),
                                List.of()))
                        .toList();
                // The last explanation offers another try, for once the cause is fixed.
                yield java.util.stream.Stream.concat(replies.stream().limit(replies.size() - 1),
                        java.util.stream.Stream.of(new BotReply(replies.get(replies.size() - 1).text(),
                                List.of(ACTIVATE)))).toList();
            }
        };
    }

    /** The most specific explanation there is: for the code and its detail, else for the code. */
    private String failureKey(SupportLocale locale, ActivationOutcome.ActivationFailure f) {
        String specific = "activation.failed." + f.code() + "." + f.detail();
        return f.detail() != null && texts.has(locale, specific) ? specific : "activation.failed." + f.code();
    }

    /** A periodic re-check failed: support is disconnected, each cause explained as at activation. */
    public List<BotReply> recheckFailed(ActivationOutcome outcome, SupportLocale locale) {
        List<BotReply> replies = new java.util.ArrayList<>();
        replies.add(new BotReply(texts.text(locale, "recheck.failed"), List.of()));
        replies.addAll(explain(outcome, locale));
        return replies;
    }

    /** The re-check passes again: support is back. */
    public BotReply supportBack(SupportLocale locale) {
        return new BotReply(texts.text(locale, "recheck.back"), List.of());
    }

    /** The announcement that an activation starts, naming what it checks. */
    public BotReply activationStarted(SupportLocale locale) {
        return new BotReply(texts.text(locale, "activation.started"), List.of());
    }

    /** One line of progress: a check that just passed or failed. */
    public BotReply progress(ActivationProgress progress, SupportLocale locale) {
        String check = texts.text(locale, "check." + progress.check());
        return new BotReply(texts.text(locale, progress.passed() ? "activation.progress.passed"
                : "activation.progress.failed", check, progress.passed() ? "" : progress.failure().code()), List.of());
    }
}
