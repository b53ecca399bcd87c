package org.supporthub.routing.domain.model.session;

/**
 * The version of what triage learns from, kept in the database that every hub instance shares: advanced
 * with every accepted correction, so that each instance sees, by reading one number, that its classifier is
 * stale. (The data grid will carry this signal once instances share one; the number stays the truth.)
 */
public interface TriageModelVersion {

    long current();

    /** Advances the version within the caller's transaction; returns the new one. */
    long advance();
}
