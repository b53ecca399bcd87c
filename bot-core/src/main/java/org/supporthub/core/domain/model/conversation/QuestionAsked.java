package org.supporthub.core.domain.model.conversation;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event fired when a connected portal's administrator asked support something (a stored
 * message that is not a bot command). Routing observes it and opens or continues a support session; the
 * bot itself stays quiet, because people answer from now on.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface QuestionAsked {
}
