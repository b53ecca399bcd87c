package org.supporthub.core.domain.model.staff;

import java.util.List;

/** The staff audit trail: written with each change, read newest first. */
public interface StaffAuditRepository {

    void record(StaffAuditEntry entry);

    /** A page of entries, newest first. */
    List<StaffAuditEntry> newest(int offset, int limit);

    long count();
}
