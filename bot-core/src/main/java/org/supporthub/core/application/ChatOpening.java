package org.supporthub.core.application;

import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.SupportLocale;

/** An opened conversation: which one, the bot's state, the language to speak, and the last number. */
public record ChatOpening(String conversationId, BotState botState, SupportLocale locale, long lastSeq) {
}
