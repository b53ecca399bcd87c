package org.supporthub.core.domain.model.portal;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event (the portal id) fired when a portal that had proven its public address reports a
 * different one: the new address is not trusted (no widget origin, no connection) until it is proven
 * again, which the activation module starts at once.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface PublicAddressChanged {
}
