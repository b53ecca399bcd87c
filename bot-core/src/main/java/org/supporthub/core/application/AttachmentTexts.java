package org.supporthub.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Why an upload was refused, worded for the person who tried, in Polish or English. */
@ApplicationScoped
public class AttachmentTexts {

    private static final String BUNDLE = "org.supporthub.core.attachment.AttachmentTexts";

    public String title(SupportLocale locale) {
        return text(locale, "refused.title");
    }

    public String explain(SupportLocale locale, AttachmentRefusal refusal) {
        return text(locale, "refused." + refusal.code().name(), refusal.args().toArray());
    }

    private static String text(SupportLocale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale.locale()).format(args);
    }
}
