package org.supporthub.activation.domain.model;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.Objects;

/** What an activation checks: a portal, as the administrator who asked for it sees it. */
public record ActivationSubject(Portal portal, PortalUser requestedBy) {
    public ActivationSubject {
        Objects.requireNonNull(portal);
        Objects.requireNonNull(requestedBy);
    }
}
