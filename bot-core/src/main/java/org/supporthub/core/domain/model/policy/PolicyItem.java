package org.supporthub.core.domain.model.policy;

import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.Objects;

/**
 * One line of the support policy: what support does (or does not do) about one kind of question, in
 * both languages.
 *
 * @param id an identifier stable across editions of the policy, such as {@code INT-N5}
 */
public record PolicyItem(String id, SupportArea area, Coverage coverage, String english, String polish) {

    public PolicyItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(coverage, "coverage");
        if (english == null || english.isBlank() || polish == null || polish.isBlank()) {
            throw new IllegalArgumentException("Policy item " + id + " needs both wordings");
        }
    }

    public String text(SupportLocale locale) {
        return locale == SupportLocale.PL ? polish : english;
    }
}
