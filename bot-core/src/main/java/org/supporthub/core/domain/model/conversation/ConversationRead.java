package org.supporthub.core.domain.model.conversation;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event fired with a {@link ReadReceipt} when a side's read mark of a conversation moved up;
 * delivery observes it after commit and tells both sides' open sockets. One event for both sockets, so that
 * a relay between hub instances has one thing to carry.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface ConversationRead {
}
