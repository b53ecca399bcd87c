package org.supporthub.core.application.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a user's short message asks the plain bot for, in Polish or English, with or without
 * diacritics. Anything else is {@link #OTHER}: a question for support.
 */
public enum BotIntent {
    HELP, STATUS, ACTIVATE, POLICY, SEND_ANYWAY, END_SESSION, EMAIL_TRANSCRIPT, OTHER;

    /** The words (after normalising) that the bot recognises; one table, tested as one. */
    private static final Map<String, BotIntent> WORDS = Map.ofEntries(
            Map.entry("help", HELP), Map.entry("pomoc", HELP), Map.entry("?", HELP), Map.entry("/help", HELP),
            Map.entry("status", STATUS), Map.entry("stan", STATUS), Map.entry("/status", STATUS),
            Map.entry("activate", ACTIVATE), Map.entry("activation", ACTIVATE), Map.entry("/activate", ACTIVATE),
            Map.entry("aktywuj", ACTIVATE), Map.entry("aktywacja", ACTIVATE), Map.entry("aktywuj bota", ACTIVATE),
            Map.entry("activate bot", ACTIVATE), Map.entry("activate the bot", ACTIVATE),
            Map.entry("policy", POLICY), Map.entry("/policy", POLICY), Map.entry("support policy", POLICY),
            Map.entry("what does support cover", POLICY), Map.entry("what is covered", POLICY),
            Map.entry("what do you cover", POLICY), Map.entry("what does the support cover", POLICY),
            Map.entry("zakres wsparcia", POLICY), Map.entry("zakres pomocy", POLICY),
            Map.entry("co obejmuje wsparcie", POLICY), Map.entry("co obejmuje pomoc techniczna", POLICY),
            Map.entry("w czym pomagacie", POLICY), Map.entry("zasady wsparcia", POLICY));

    public static BotIntent of(String text) {
        return Optional.ofNullable(WORDS.get(normalise(text))).orElse(OTHER);
    }

    /** A command name from the widget's buttons; empty when the bot has no such command. */
    public static Optional<BotIntent> command(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "help" -> Optional.of(HELP);
            case "status" -> Optional.of(STATUS);
            case "activate" -> Optional.of(ACTIVATE);
            case "policy" -> Optional.of(POLICY);
            case "send-anyway" -> Optional.of(SEND_ANYWAY);
            case "end-session" -> Optional.of(END_SESSION);
            case "email-transcript" -> Optional.of(EMAIL_TRANSCRIPT);
            default -> Optional.empty();
        };
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('ł', 'l').replace('Ł', 'L');
        String t = folded.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        // Keep a lone "?" (help) but drop trailing punctuation such as "help!" or "status?".
        return t.equals("?") ? t : t.replaceAll("[.!?]+$", "").trim();
    }
}
