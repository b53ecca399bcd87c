package org.supporthub.core.domain.model.conversation;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the event (the conversation's id) fired when an administrator asks for the transcript of their
 * last closed support session by e-mail (the widget command {@code email-transcript}): routing writes it to
 * the outbox.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface TranscriptRequested {
}
