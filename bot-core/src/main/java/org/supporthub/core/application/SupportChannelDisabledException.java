package org.supporthub.core.application;

/** The portal has not enabled its support channel, so its bot talks to nobody. */
public class SupportChannelDisabledException extends RuntimeException {
    public SupportChannelDisabledException(String portalId) {
        super("The support channel of portal " + portalId + " is disabled");
    }
}
