package org.supporthub.core.domain.model.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Staff accounts. */
public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    Optional<StaffAccount> find(String id);

    /** The accounts with these ids that still exist (one query, for checking many console logins at once). */
    List<StaffAccount> findAll(Collection<String> ids);

    /** A page of the accounts, by user name. */
    List<StaffAccount> list(int offset, int limit);

    void store(StaffAccount account);

    void remove(StaffAccount account);

    /** Whether any account holds this role. */
    boolean anyWithRole(StaffRole role);

    /** How many enabled accounts hold this role. */
    long countEnabledWithRole(StaffRole role);
}
