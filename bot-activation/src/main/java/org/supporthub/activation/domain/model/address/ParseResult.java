package org.supporthub.activation.domain.model.address;

import java.util.Objects;

/**
 * What {@link PublicUrl#parse(String)} made of an address: either the parsed address or the reason it
 * was refused, never both.
 */
public record ParseResult(PublicUrl url, UrlRefusal refusal) {

    public ParseResult {
        if ((url == null) == (refusal == null)) {
            throw new IllegalArgumentException("A parse result is either an address or a refusal");
        }
    }

    static ParseResult parsed(PublicUrl url) {
        return new ParseResult(Objects.requireNonNull(url), null);
    }

    static ParseResult refused(UrlRefusal refusal) {
        return new ParseResult(null, Objects.requireNonNull(refusal));
    }

    /** True when the address was read; {@link #url()} is then set. */
    public boolean isValid() {
        return url != null;
    }

    /** The refusal's detail code (e.g. {@code USER_INFO}), null when the address was read. */
    public String detail() {
        return refusal == null ? null : refusal.name();
    }
}
