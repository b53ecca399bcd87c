package org.supporthub.core.domain.model.staff;

import java.util.Arrays;

/** What a staff account may do on the hub. */
public enum StaffRole {
    /** Answers support sessions from the agent console. */
    OPERATOR("operator"),
    /** Manages open channels, operators and licences. */
    MANAGER("manager");

    private final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role name as Jakarta Security sees it. */
    public String roleName() {
        return roleName;
    }

    public static StaffRole fromRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown staff role: " + name));
    }
}
