package org.supporthub.web.interfaces.websocket;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event fired with an {@link AdministratorReturn} when a portal user's widget connects to a
 * conversation that had no widget open for a while (see {@link ChatConnections#register}). The console of
 * the operator holding the conversation's session observes it; one event, so that a relay between hub
 * instances has one thing to carry.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface AdministratorReturned {
}
