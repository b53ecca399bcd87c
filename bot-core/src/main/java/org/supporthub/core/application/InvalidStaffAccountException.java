package org.supporthub.core.application;

import java.util.Map;

/** A staff account change refused field by field (such as a password the policy refuses); nothing changed. */
public class InvalidStaffAccountException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidStaffAccountException(Map<String, String> fieldErrors) {
        super("Invalid staff account: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
