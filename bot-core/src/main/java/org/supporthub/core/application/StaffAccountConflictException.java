package org.supporthub.core.application;

/** A staff account change that the current state forbids; nothing changed. */
public class StaffAccountConflictException extends RuntimeException {

    /** Stable codes. */
    public enum Code {
        /** Another account has this user name. */
        USERNAME_TAKEN,
        /** The change would leave the hub without an enabled manager, and so without anyone to undo it. */
        LAST_MANAGER
    }

    private final Code code;

    public StaffAccountConflictException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
