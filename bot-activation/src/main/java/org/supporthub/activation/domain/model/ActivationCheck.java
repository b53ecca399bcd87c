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

    /**
     * The result when the check did not finish before the activation's deadline. A check that waits on
     * the network is a network error; others override this if a timeout means something else.
     */
    default CheckResult timedOut(java.time.Duration after) {
        return CheckResult.fail(area(), "NETWORK_ERROR", "TIMEOUT", after);
    }
}
