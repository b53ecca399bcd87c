package org.supporthub.web.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.RegisteredPortal;
import org.supporthub.core.domain.model.staff.PasswordHashes;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import org.supporthub.core.domain.model.license.Edition;
import org.supporthub.core.domain.model.license.License;
import org.supporthub.core.infrastructure.license.VendorKeys;

import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.channel.CannedResponse;
import org.supporthub.routing.domain.model.channel.OpenChannelSettings;
import org.supporthub.routing.domain.model.channel.SessionSettings;

import java.time.Clock;
import java.util.List;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * In development mode, makes sure the demo exists: the demo portal (support channel enabled, so its
 * plain bot is installed) and a demo support-staff account. Production never runs this.
 */
@Singleton
@Startup
// After the bootstrap manager: that one is created only while the hub has no manager, and the demo seeds one.
@DependsOn({"SchemaMigration", "ManagerBootstrap"})
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    /** Loopback, which development mode's address policy allows for the demo (production refuses it). */
    static final String DEMO_HOST = "127.0.0.1";
    static final String DEMO_OPERATOR = "operator";
    static final String DEMO_OPERATOR_PASSWORD = "support-demo";
    static final String DEMO_COLLEAGUE = "operator2";
    /** A manager without the operator role: the demo's way into the console's management area. */
    static final String DEMO_MANAGER = "demo-manager";

    @Inject
    HubSettings settings;

    @Inject
    PortalRegistryService portals;

    @Inject
    StaffAccountRepository staff;

    @Inject
    DemoPortalServer demoServer;

    @Inject
    PasswordHashes passwordHash;

    @Inject
    VendorKeys vendorKeys;

    @Inject
    OpenChannelRegistry channels;

    @Inject
    DemoPortalTls demoTls;

    @Inject
    Clock clock;

    @PostConstruct
    void seed() {
        if (!settings.development()) {
            LOG.info("Support Hub runs in production mode: strict checks, no demo data.");
            if (!settings.credentialsRequireTls()) {
                LOG.warning("RELAXED: portal and staff credentials are accepted over plain HTTP "
                        + "(SUPPORT_HUB_REQUIRE_TLS=false). Only do this behind a proxy that terminates TLS.");
            }
            return;
        }
        LOG.warning("""

                ********************************************************************************
                *  SUPPORT HUB RUNS IN DEVELOPMENT MODE. NOT FOR PRODUCTION.                    *
                *  Demo data is seeded and the demo portal's token signer is switched on.      *
                *  Unset SUPPORT_HUB_MODE (or set it to 'production') for a real installation. *
                ********************************************************************************""");
        seedDemoPortal();
        seedDemoOperator();
        seedOpenChannels();
        demoHeartbeat();
        demoTls.start();
    }

    /**
     * The demo portal's server would send heartbeats by itself; in development mode the hub does it for
     * it, so that the demo's "portal reaches the hub" check holds.
     */
    @Schedule(minute = "*/2", hour = "*", persistent = false)
    void demoHeartbeat() {
        if (settings.development() && portals.find(DemoPortalServer.PORTAL_ID).isPresent()) {
            portals.heartbeat(DemoPortalServer.PORTAL_ID);
        }
    }

    private void seedDemoPortal() {
        if (portals.find(DemoPortalServer.PORTAL_ID).isPresent() && demoServer.secret().isPresent()) {
            return;
        }
        if (portals.find(DemoPortalServer.PORTAL_ID).isPresent()) {
            LOG.severe("The demo portal exists but its secret file is gone from the data folder: delete the data "
                    + "folder to start the demo afresh.");
            return;
        }
        // A commercial licence for the demo portal's host, signed with the development vendor key.
        String licenseKey = vendorKeys.issuer().orElseThrow().issue(new License("Demo Company", DEMO_HOST,
                Edition.COMMERCIAL, LocalDate.now(clock).plusYears(1), "DEMO-1"));
        RegisteredPortal demo = portals.register(DemoPortalServer.PORTAL_ID, new PortalRegistration(
                "Demo Portal", "https://" + DEMO_HOST + ":8181", licenseKey, "24.0.0", "en"));
        demoServer.keepSecret(demo.portalSecret());
        portals.setSupportChannel(demo.portalId(), true);
        LOG.warning("Seeded the demo portal " + demo.portalId() + " with its support channel enabled.");
    }

    /** One open channel per language, served by the demo operator around the clock. */
    private void seedOpenChannels() {
        for (String language : new String[]{"en", "pl"}) {
            if (channels.serving(language, "commercial").isEmpty()) {
                boolean pl = language.equals("pl");
                SessionSettings session = new SessionSettings(
                        pl ? "Witamy w pomocy technicznej wersji on-premise." : "Welcome to on-premise support.",
                        null, List.of(), 0, true, List.of(
                                new CannedResponse("Greeting", pl ? "Dzień dobry! Już sprawdzam."
                                        : "Hello! Let me look into this for you."),
                                new CannedResponse("Logs", pl ? "Proszę przesłać dziennik zdarzeń portalu."
                                        : "Could you send the portal's event log, please?")));
                channels.create(new OpenChannelSettings("Demo support (" + language + ")", language, "commercial", true,
                        RoutingMode.STRICT, 60, 3, false, "Europe/Warsaw", "MON,TUE,WED,THU,FRI,SAT,SUN", "00:00",
                        "00:00", List.of(DEMO_OPERATOR, DEMO_COLLEAGUE), session));
                LOG.warning("Seeded the demo open channel for '" + language + "'.");
            }
        }
    }

    private void seedDemoOperator() {
        if (staff.findByUsername(DEMO_MANAGER).isEmpty()) {
            staff.store(new StaffAccount(UUID.randomUUID().toString(), DEMO_MANAGER, "Maria Manager",
                    passwordHash.hash(DEMO_OPERATOR_PASSWORD.toCharArray()), Set.of(StaffRole.MANAGER),
                    clock.instant()));
            LOG.warning("Seeded the demo support-manager account '" + DEMO_MANAGER + "'.");
        }
        if (staff.findByUsername(DEMO_COLLEAGUE).isEmpty()) {
            // A second operator, so that a transfer can be tried in the demo (log in as them in another window).
            staff.store(new StaffAccount(UUID.randomUUID().toString(), DEMO_COLLEAGUE, "Piotr Operator",
                    passwordHash.hash(DEMO_OPERATOR_PASSWORD.toCharArray()), Set.of(StaffRole.OPERATOR),
                    clock.instant()));
            LOG.warning("Seeded the demo support-staff account '" + DEMO_COLLEAGUE + "'.");
        }
        if (staff.findByUsername(DEMO_OPERATOR).isPresent()) {
            return;
        }
        staff.store(new StaffAccount(UUID.randomUUID().toString(), DEMO_OPERATOR, "Olga Operator",
                passwordHash.hash(DEMO_OPERATOR_PASSWORD.toCharArray()), Set.of(StaffRole.OPERATOR),
                clock.instant()));
        LOG.warning("Seeded the demo support-staff account '" + DEMO_OPERATOR + "' (password '"
                + DEMO_OPERATOR_PASSWORD + "').");
    }
}
