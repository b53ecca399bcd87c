package org.supporthub.core.domain.model.policy;

/** What support does about a kind of question, as the policy says. */
public enum Coverage {
    /** Support helps with it. */
    COVERED,
    /** Support gives only general recommendations and known methods. */
    LIMITED,
    /** Support does not do it; the vendor's partners can. */
    NOT_COVERED
}
