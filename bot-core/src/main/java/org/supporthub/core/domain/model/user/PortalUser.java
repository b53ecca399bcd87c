package org.supporthub.core.domain.model.user;

import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person signed in to a customer's portal, as the portal server vouched for them in a signed token.
 *
 * <p>{@code email} is the optional {@code email} claim: where the hub may write to the user when they are
 * away from the chat (an answer, a transcript); the user may give another address when leaving a question.
 *
 * <p>Nothing here ever comes from the browser unsigned: the hub builds it only from a verified token.
 */
public record PortalUser(String portalId, String userId, String name, boolean admin, List<String> groups,
                         Optional<SupportLocale> locale, Optional<String> email) {

    /**
     * The portal group whose members belong to the company structure: "Employees" in the English source
     * document, "Pracownicy" in the Polish one (a Polish portal names it so).
     */
    public static final String EMPLOYEES_GROUP = "Employees";
    static final java.util.Set<String> EMPLOYEES_GROUP_NAMES = java.util.Set.of("employees", "pracownicy");

    public PortalUser {
        Objects.requireNonNull(portalId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(name);
        groups = List.copyOf(groups);
        Objects.requireNonNull(locale);
        Objects.requireNonNull(email);
    }

    /** A user whose token carries no {@code email} claim. */
    public PortalUser(String portalId, String userId, String name, boolean admin, List<String> groups,
                      Optional<SupportLocale> locale) {
        this(portalId, userId, name, admin, groups, locale, Optional.empty());
    }

    public boolean isEmployee() {
        return groups.stream().anyMatch(g -> EMPLOYEES_GROUP_NAMES.contains(g.trim().toLowerCase(java.util.Locale.ROOT)));
    }
}
