package org.supporthub.core.domain.model.license;

import java.util.List;

/** The licence keys this hub signed. */
public interface IssuedLicenseRepository {

    void store(IssuedLicense license);

    /**
     * One page, newest first.
     *
     * @param search matched case-blind against licensee, domain and serial; null or blank for all
     */
    List<IssuedLicense> newest(String search, int offset, int limit);

    long count(String search);
}
