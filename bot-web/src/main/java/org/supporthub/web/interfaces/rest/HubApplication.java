package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /api}. Staff roles: managers run the hub, operators answer support sessions. */
@ApplicationPath("/api")
@DeclareRoles({"manager", "operator"})
public class HubApplication extends Application {
}
