package org.supporthub.activation.domain.model;

/**
 * One thing that could stop support from working, checked during activation.
 *
 * <p>A check never throws for a failure it was written to find: it returns a failed result with its
 * stable code, which the bot explains in the chat and the activation report stores.
 */
public interface ActivationCheck {

    CheckArea area();

    CheckResult run(ActivationSubject subject);
}
