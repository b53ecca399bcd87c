package org.supporthub.web.interfaces.rest.reports;

import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** How a report is answered: JSON unless CSV is asked for. */
final class Reports {

    static final String CSV = "text/csv";
    static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=UTF-8; header=present");

    private Reports() {
    }

    /**
     * CSV when {@code format=csv}, or, without {@code format}, when the client's most preferred type that a
     * report can answer is {@code text/csv}; a wildcard ({@code *}{@code /*}, no {@code Accept}) means JSON.
     *
     * @param accepted the {@code Accept} header's types, most preferred first (as JAX-RS sorts them)
     */
    static boolean wantsCsv(String format, List<MediaType> accepted) {
        if (format != null) {
            return format.equals("csv");
        }
        for (MediaType m : accepted) {
            if (m.getType().equals("text") && m.getSubtype().equals("csv")) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
