package org.supporthub.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real WAR the build produced, imported unchanged: these tests see the hub as a client would. */
final class HubDeployment {

    private HubDeployment() {
    }

    static WebArchive war() {
        File war = new File(System.getProperty("hub.war", "../bot-web/target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build bot-web first: " + war + " is missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
