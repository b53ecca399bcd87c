package org.supporthub.core.domain.model.staff;

import java.util.Optional;

/** Staff accounts. */
public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    void store(StaffAccount account);

    /** Whether any account holds this role. */
    boolean anyWithRole(StaffRole role);
}
