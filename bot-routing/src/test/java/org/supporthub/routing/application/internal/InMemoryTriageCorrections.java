package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;
import org.supporthub.routing.domain.model.session.TriageModelVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Triage corrections and the model version, in memory, in the order they were stored. */
final class InMemoryTriageCorrections implements TriageCorrectionRepository, TriageModelVersion {

    final List<TriageCorrection> stored = new ArrayList<>();
    private final List<String> acceptedOrder = new ArrayList<>();
    private long version;

    @Override
    public void store(TriageCorrection correction) {
        stored.add(correction);
    }

    @Override
    public List<TriageCorrection> all() {
        return List.copyOf(stored);
    }

    @Override
    public Optional<TriageCorrection> find(String id) {
        return stored.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Optional<TriageCorrection> findForUpdate(String id) {
        return find(id);
    }

    @Override
    public List<TriageCorrection> list(CorrectionStatus status, int offset, int limit) {
        return stored.stream().filter(c -> status == null || c.status() == status)
                .sorted(Comparator.comparing(TriageCorrection::createdAt).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long count(CorrectionStatus status) {
        return stored.stream().filter(c -> status == null || c.status() == status).count();
    }

    @Override
    public List<TriageCorrection> accepted() {
        return stored.stream().filter(c -> c.status() == CorrectionStatus.ACCEPTED)
                .sorted(Comparator.comparing((TriageCorrection c) -> c.decidedAt().orElseThrow())).toList();
    }

    @Override
    public Optional<TriageCorrection> firstFor(String sessionId) {
        return stored.stream().filter(c -> c.sessionId().equals(sessionId)).findFirst();
    }

    @Override
    public long current() {
        return version;
    }

    @Override
    public long advance() {
        return ++version;
    }
}
