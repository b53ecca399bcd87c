package org.supporthub.web.infrastructure.limits;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit as an operator writes it in the configuration: {@code 5/s}, {@code 30/min,burst=60},
 * {@code 10/h}. Without a burst, the burst is the count itself (so {@code 10/h} allows ten at once, then
 * one every six minutes).
 */
public record RateSpec(double perSecond, int burst) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(s|min|h)\\s*(?:,\\s*burst\\s*=\\s*(\\d+)\\s*)?");

    public static RateSpec parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("A rate limit looks like 5/s, 30/min,burst=60 or 10/h, not: " + text);
        }
        int count = Integer.parseInt(m.group(1));
        int seconds = switch (m.group(2)) {
            case "s" -> 1;
            case "min" -> 60;
            default -> 3600;
        };
        int burst = m.group(3) == null ? count : Integer.parseInt(m.group(3));
        if (count < 1 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a count and a burst of at least 1: " + text);
        }
        return new RateSpec((double) count / seconds, burst);
    }

    KeyedRateLimiter limiter(String name, int maxKeys) {
        return new KeyedRateLimiter(name, perSecond, burst, maxKeys);
    }
}
