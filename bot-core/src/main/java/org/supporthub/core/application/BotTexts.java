package org.supporthub.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** What the bot says, in Polish and English (resource bundles next to this module's classes). */
@ApplicationScoped
public class BotTexts {

    private static final String BUNDLE = "org.supporthub.core.bot.BotTexts";

    public String text(SupportLocale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        // Always through MessageFormat, so that quoting ('') means the same with and without arguments.
        return new MessageFormat(pattern, locale.locale()).format(args);
    }

    public boolean has(SupportLocale locale, String key) {
        try {
            text(locale, key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public String channelDisabled(SupportLocale locale) {
        return text(locale, "channel.disabled");
    }
}
