package org.supporthub.routing.application;

import java.util.List;

/** Open-channel settings refused field by field. */
public class InvalidOpenChannelException extends RuntimeException {

    private final List<String> fields;

    public InvalidOpenChannelException(List<String> fields) {
        super("Invalid open-channel settings: " + fields);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
