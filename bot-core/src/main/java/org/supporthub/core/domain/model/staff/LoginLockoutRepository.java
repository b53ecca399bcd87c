package org.supporthub.core.domain.model.staff;

import java.util.List;
import java.util.Optional;

/** Failed logins in a row per staff account, and the lock-outs they caused. */
public interface LoginLockoutRepository {

    Optional<LoginLockout> find(String username);

    void store(LoginLockout lockout);

    /** Forgets the account's failures (a successful login, or a manager lifting the lock-out). */
    boolean remove(String username);

    /** Locked accounts, most recently locked first, at most {@code limit}. */
    List<LoginLockout> locked(int limit);
}
