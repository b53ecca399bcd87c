package org.supporthub.core.domain.model.conversation;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event (the conversation's id) fired inside the transaction that deletes a conversation, before
 * its rows go: every module that keeps rows referring to the conversation removes them in that transaction
 * (routing: its support sessions), so the deletion commits whole or not at all.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface ConversationDeleted {
}
