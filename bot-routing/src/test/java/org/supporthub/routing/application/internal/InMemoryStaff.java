package org.supporthub.routing.application.internal;

import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Staff accounts in a map. */
final class InMemoryStaff implements StaffAccountRepository {

    private final Map<String, StaffAccount> byUsername = new LinkedHashMap<>();

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public void store(StaffAccount account) {
        byUsername.put(account.username(), account);
    }

    @Override
    public boolean anyWithRole(StaffRole role) {
        return byUsername.values().stream().anyMatch(a -> a.roles().contains(role));
    }
}
