package org.supporthub.routing.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** A prepared answer an operator of a channel can insert with one click, such as a link to the docs. */
@Embeddable
public class CannedResponse {

    public static final int MAX_TITLE = 100;
    public static final int MAX_TEXT = 4000;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    protected CannedResponse() {
        // for JPA
    }

    public CannedResponse(String title, String text) {
        this.title = title;
        this.text = text;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CannedResponse c && Objects.equals(title, c.title) && Objects.equals(text, c.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, text);
    }
}
