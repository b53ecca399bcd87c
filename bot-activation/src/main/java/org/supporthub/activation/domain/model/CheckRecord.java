package org.supporthub.activation.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One check's line in an activation report. */
@Embeddable
public class CheckRecord {

    @Column(name = "area", nullable = false, length = 30)
    private String area;

    @Column(name = "passed", nullable = false)
    private boolean passed;

    @Column(name = "code", length = 60)
    private String code;

    @Column(name = "detail", length = 60)
    private String detail;

    @Column(name = "millis", nullable = false)
    private long millis;

    protected CheckRecord() {
        // for JPA
    }

    static CheckRecord of(CheckResult r) {
        CheckRecord c = new CheckRecord();
        c.area = r.area().name();
        c.passed = r.passed();
        c.code = r.code();
        c.detail = r.detail();
        c.millis = r.took().toMillis();
        return c;
    }

    public String area() {
        return area;
    }

    public boolean passed() {
        return passed;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public long millis() {
        return millis;
    }
}
