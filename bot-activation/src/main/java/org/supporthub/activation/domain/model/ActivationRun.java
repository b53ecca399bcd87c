package org.supporthub.activation.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The activation running right now for a portal: written in the same transaction that moves the bot to
 * ACTIVATING, removed in the one that moves it on. It says which hub instance runs it and by when that
 * run is over at the latest (every wait of a run is bounded by its deadline), so any instance can tell a
 * run that is still going from one whose instance died with it (a crash, {@code kill -9}, a power cut).
 */
@Entity
@Table(name = "activation_run")
public class ActivationRun {

    @Id
    @Column(name = "portal_id", length = 36)
    private String portalId;

    @Column(name = "run_id", nullable = false, length = 36)
    private String runId;

    @Column(name = "instance_id", nullable = false, length = 200)
    private String instanceId;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requested_by_name", nullable = false, length = 200)
    private String requestedByName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "deadline_at", nullable = false)
    private Instant deadlineAt;

    protected ActivationRun() {
        // for JPA
    }

    public ActivationRun(String portalId, String runId, String instanceId, String requestedBy, String requestedByName,
                         Instant startedAt, Instant deadlineAt) {
        this.portalId = Objects.requireNonNull(portalId);
        this.runId = Objects.requireNonNull(runId);
        this.instanceId = Objects.requireNonNull(instanceId);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedByName = Objects.requireNonNull(requestedByName);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.deadlineAt = Objects.requireNonNull(deadlineAt);
    }

    /** Takes over a left-over row of the portal (its bot is no longer ACTIVATING) for a new run. */
    public void replaceWith(ActivationRun next) {
        if (!portalId.equals(next.portalId)) {
            throw new IllegalArgumentException("A run row belongs to one portal");
        }
        runId = next.runId;
        instanceId = next.instanceId;
        requestedBy = next.requestedBy;
        requestedByName = next.requestedByName;
        startedAt = next.startedAt;
        deadlineAt = next.deadlineAt;
    }

    /**
     * Whether no live instance can still be running this: its deadline passed more than {@code margin}
     * ago. The margin covers the run's last database steps and clock differences between instances; a
     * run that is alive ends by its deadline, so this never ends one that is still going.
     */
    public boolean abandonedAt(Instant now, Duration margin) {
        return deadlineAt.plus(margin).isBefore(now);
    }

    public String portalId() {
        return portalId;
    }

    public String runId() {
        return runId;
    }

    public String instanceId() {
        return instanceId;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }
}
