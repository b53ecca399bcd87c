package org.supporthub.core.infrastructure.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.core.application.ClusterMembership;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Payara Micro's data grid (the Hazelcast instance inside the server, bound at JNDI {@code payara/Hazelcast}),
 * when the server runs clustered. Started with {@code --nocluster}, Payara Micro still runs a grid member,
 * but one that looks for no other (every join method off): the hub then treats itself as a cluster of one
 * and keeps everything local, as if there were no grid.
 */
@ApplicationScoped
public class DataGrid implements ClusterMembership {

    static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    private volatile HazelcastInstance grid;

    public DataGrid() {
    }

    /** A grid given directly (tests that form a grid of their own). */
    DataGrid(HazelcastInstance grid) {
        this.grid = grid;
    }

    @PostConstruct
    void lookUp() {
        if (grid != null) {
            return;
        }
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance h && h.getLifecycleService().isRunning() && joinsOthers(h)) {
                grid = h;
                LOG.info(() -> "Clustered on Payara's data grid as member " + memberId() + " of "
                        + members().size());
                return;
            }
        } catch (NamingException | RuntimeException e) {
            // No grid: Payara runs with --nocluster (or clustering failed to start).
        }
        LOG.info("No data grid (Payara Micro runs with --nocluster): this hub instance works alone");
    }

    /**
     * Whether the member looks for others: the join methods Payara Micro's {@code --clustermode} sets
     * (multicast, the default; tcpip, static members) or a cloud's. {@code --nocluster} turns them all off.
     */
    static boolean joinsOthers(HazelcastInstance h) {
        JoinConfig j = h.getConfig().getNetworkConfig().getJoin();
        return j.getMulticastConfig().isEnabled() || j.getTcpIpConfig().isEnabled()
                || j.getKubernetesConfig().isEnabled() || j.getAwsConfig().isEnabled() || j.getGcpConfig().isEnabled()
                || j.getAzureConfig().isEnabled() || j.getEurekaConfig().isEnabled()
                || h.getCluster().getMembers().size() > 1;
    }

    /** The running grid, if this instance is clustered. */
    public Optional<HazelcastInstance> instance() {
        HazelcastInstance h = grid;
        return h != null && h.getLifecycleService().isRunning() ? Optional.of(h) : Optional.empty();
    }

    @Override
    public boolean clustered() {
        return instance().isPresent();
    }

    @Override
    public String memberId() {
        return instance().map(h -> h.getCluster().getLocalMember().getUuid().toString()).orElse("local");
    }

    @Override
    public List<String> members() {
        return instance().map(h -> h.getCluster().getMembers().stream().map(Member::getUuid)
                .map(Object::toString).toList()).orElseGet(() -> List.of(memberId()));
    }
}
