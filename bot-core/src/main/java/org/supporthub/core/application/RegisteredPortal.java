package org.supporthub.core.application;

/** The answer to a registration: the portal's id and its secret, shown once. */
public record RegisteredPortal(String portalId, String portalSecret) {
}
