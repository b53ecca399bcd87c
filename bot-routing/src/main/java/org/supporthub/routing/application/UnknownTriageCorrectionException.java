package org.supporthub.routing.application;

/** No triage correction has this id. */
public class UnknownTriageCorrectionException extends RuntimeException {

    public UnknownTriageCorrectionException(String id) {
        super("No triage correction " + id);
    }
}
