package org.supporthub.routing.application.internal;

import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    public Optional<StaffAccount> find(String id) {
        return byUsername.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public List<StaffAccount> findAll(Collection<String> ids) {
        return byUsername.values().stream().filter(a -> ids.contains(a.id())).toList();
    }

    @Override
    public List<StaffAccount> list(int offset, int limit) {
        return byUsername.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void remove(StaffAccount account) {
        byUsername.remove(account.username());
    }

    @Override
    public long countEnabledWithRole(StaffRole role) {
        return byUsername.values().stream().filter(a -> a.isEnabled() && a.hasRole(role)).count();
    }

    @Override
    public boolean anyWithRole(StaffRole role) {
        return byUsername.values().stream().anyMatch(a -> a.roles().contains(role));
    }
}
