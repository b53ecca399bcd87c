package org.supporthub.core.domain.model.policy;

/** The areas of the vendor's published support policy. */
public enum SupportArea {
    INSTALLATION, PERFORMANCE, UPDATES, ERRORS, INTEGRATION, OTHER
}
