package org.supporthub.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.PasswordHashes;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Support staff's accounts in the hub's database, checked against their PBKDF2 hashes. The caller's
 * groups are their role names (manager, operator). A disabled account does not log in. A hash made at a
 * lower work factor than the hub's current one is replaced after the password proved right.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(StaffIdentityStore.class.getName());

    /** Verified against when the user does not exist, so that unknown names cost as much time as known ones. */
    private volatile String decoyHash;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    PasswordHashes passwordHashes;

    @Inject
    PasswordUpgrades upgrades;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<StaffAccount> account = upgrades.account(login.getCaller());
        String stored = account.map(StaffAccount::passwordHash).orElseGet(this::decoy);
        boolean valid = passwordHashes.verify(login.getPassword().getValue(), stored);
        if (account.isEmpty() || !valid || !account.get().isEnabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (passwordHashes.needsRehash(stored)) {
            try {
                upgrades.rehash(account.get().id(), stored, login.getPassword().getValue());
            } catch (RuntimeException e) {
                // Another login upgraded it at the same moment, or the database is busy: next login tries again.
                LOG.log(Level.FINE, "Could not upgrade a password hash", e);
            }
        }
        return new CredentialValidationResult(account.get().username(),
                account.get().roles().stream().map(StaffRole::roleName).collect(Collectors.toSet()));
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = passwordHashes.hash("not-a-real-password".toCharArray());
        }
        return decoyHash;
    }

    /** The transactions of the identity store, apart from the (slow) password check between them. */
    @ApplicationScoped
    public static class PasswordUpgrades {

        @Inject
        StaffAccountRepository accounts;

        @Inject
        PasswordHashes passwordHashes;

        @Transactional
        public Optional<StaffAccount> account(String username) {
            return accounts.findByUsername(username);
        }

        /** Replaces the hash, unless it changed since it was read (a reset in between wins). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void rehash(String accountId, String oldHash, char[] password) {
            String stronger = passwordHashes.hash(password);
            accounts.find(accountId).filter(a -> a.passwordHash().equals(oldHash)).ifPresent(a -> a.rehash(stronger));
        }
    }
}
