package org.supporthub.routing.application.internal;

/** The model version advanced (a correction was accepted): this instance rebuilds at once, once committed. */
public record TriageModelAdvanced(long version) {
}
