package org.supporthub.core.application;

import java.util.List;

/**
 * The hub instances that form one cluster on Payara's data grid. A hub started without the grid (the
 * README's single-node command, {@code --nocluster}) is a cluster of one: {@link #clustered()} is false and
 * everything that would be shared stays local.
 */
public interface ClusterMembership {

    /** Whether this instance is a member of a running data grid. */
    boolean clustered();

    /** This instance's grid member id, or {@code "local"} when it runs alone. */
    String memberId();

    /** The ids of the members the grid sees now, oldest first (this instance alone when not clustered). */
    List<String> members();
}
