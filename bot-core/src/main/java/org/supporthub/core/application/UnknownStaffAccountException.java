package org.supporthub.core.application;

/** No staff account has this id. */
public class UnknownStaffAccountException extends RuntimeException {

    public UnknownStaffAccountException(String id) {
        super("No staff account " + id);
    }
}
