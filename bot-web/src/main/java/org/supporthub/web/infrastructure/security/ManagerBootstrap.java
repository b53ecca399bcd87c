package org.supporthub.web.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.StaffAccountService;
import org.supporthub.core.domain.model.staff.PasswordPolicy;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The first support manager, from {@code SUPPORT_HUB_BOOTSTRAP_MANAGER=user:password}, created at start-up
 * when the hub has no manager yet; later starts leave existing accounts alone. A malformed value or a
 * password the {@link PasswordPolicy} refuses stops the start-up rather than create a weak account. The
 * creation is in the staff audit trail, by {@code system}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ManagerBootstrap {

    private static final Logger LOG = Logger.getLogger(ManagerBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "support.hub.bootstrap-manager")
    Optional<String> bootstrapManager;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffAccountService staff;

    @PostConstruct
    void bootstrap() {
        if (bootstrapManager.isEmpty() || bootstrapManager.get().isBlank()) {
            return;
        }
        String[] login = parse(bootstrapManager.get());
        if (accounts.anyWithRole(StaffRole.MANAGER)) {
            return;
        }
        if (accounts.findByUsername(login[0]).isPresent()) {
            throw new IllegalStateException("SUPPORT_HUB_BOOTSTRAP_MANAGER names an existing account that is not a manager");
        }
        staff.create(StaffAccountService.Actor.system(), new StaffAccountService.NewStaffAccount(login[0], login[0],
                Set.of(StaffRole.MANAGER), Set.of(StaffLanguage.EN), login[1]));
        LOG.warning("Created the first support manager '" + login[0] + "' from SUPPORT_HUB_BOOTSTRAP_MANAGER. "
                + "Remove the variable once the hub has its managers.");
    }

    /** {@code [user, password]}; refuses what would make a weak or unusable account. */
    static String[] parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalStateException("SUPPORT_HUB_BOOTSTRAP_MANAGER must be user:password");
        }
        String user = value.substring(0, colon).trim();
        String password = value.substring(colon + 1);
        if (!user.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalStateException("SUPPORT_HUB_BOOTSTRAP_MANAGER: the user name may hold letters, digits and . _ @ -");
        }
        PasswordPolicy.standard().problem(user, password).ifPresent(problem -> {
            throw new IllegalStateException("SUPPORT_HUB_BOOTSTRAP_MANAGER: the password " + problem);
        });
        return new String[]{user, password};
    }
}
