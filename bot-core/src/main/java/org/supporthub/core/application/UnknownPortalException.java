package org.supporthub.core.application;

/** No portal has this id. */
public class UnknownPortalException extends RuntimeException {
    public UnknownPortalException(String portalId) {
        super("No portal " + portalId);
    }
}
