package org.supporthub.core.application;

import java.util.Map;

/** A registration refused field by field; nothing was stored. */
public class InvalidRegistrationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRegistrationException(Map<String, String> fieldErrors) {
        super("Invalid registration: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
