package org.supporthub.routing.domain.model.operator;

/** What an operator says about themselves in the console. */
public enum PresenceStatus {
    /** Taking new sessions. */
    ONLINE,
    /** At the desk but taking no new sessions; keeps the ones they have. */
    AWAY,
    /** Not working; keeps the sessions they have until they close or transfer them. */
    OFFLINE
}
