package org.supporthub.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Support staff's accounts in the hub's database, checked against their PBKDF2 hashes. The caller's
 * groups are their role names (manager, operator).
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    /** Verified against when the user does not exist, so that unknown names cost as much time as known ones. */
    private volatile String decoyHash;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<StaffAccount> account = accounts.findByUsername(login.getCaller());
        boolean valid = passwordHash.verify(login.getPassword().getValue(),
                account.map(StaffAccount::passwordHash).orElseGet(this::decoy));
        if (account.isEmpty() || !valid) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(),
                account.get().roles().stream().map(StaffRole::roleName).collect(Collectors.toSet()));
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = passwordHash.generate("not-a-real-password".toCharArray());
        }
        return decoyHash;
    }
}
