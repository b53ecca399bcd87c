package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.core.application.ClusterMembership;
import org.supporthub.core.application.ClusterMessaging;
import org.supporthub.core.application.PeriodicTurns;

import java.util.List;
import java.util.Map;

/**
 * What this hub instance knows of its cluster: the members the data grid sees, the beats of each periodic
 * job that ran here (comparing them across instances shows each beat ran once), and the notices it
 * exchanged with the others. Answered by the instance the request reached.
 */
@Path("/v1/admin/cluster")
@RolesAllowed("manager")
@RequestScoped
public class ClusterResource {

    /**
     * @param member  this instance's grid member id ({@code local} without a grid)
     * @param members the members the grid sees, oldest first
     * @param jobs    by job, the beats this instance ran (the latest ones), oldest first
     * @param notices notices this instance published, received and dropped
     */
    public record ClusterView(String member, boolean clustered, List<String> members, Map<String, List<Long>> jobs,
                              ClusterMessaging.Counts notices) {
    }

    @Inject
    ClusterMembership membership;

    @Inject
    PeriodicTurns turns;

    @Inject
    ClusterMessaging messaging;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ClusterView view() {
        return new ClusterView(membership.memberId(), membership.clustered(), membership.members(), turns.ranHere(),
                messaging.counts());
    }
}
