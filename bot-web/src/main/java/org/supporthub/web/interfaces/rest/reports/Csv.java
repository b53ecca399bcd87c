package org.supporthub.web.interfaces.rest.reports;

import java.util.List;

/**
 * A CSV document as RFC 4180 writes it: a header line, comma-separated fields, CRLF line ends, and a field
 * that holds a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled.
 *
 * <p>Free text that people typed (vote comments) is also defused for spreadsheets: a cell starting with
 * {@code = + - @}, tab or CR would be run as a formula by Excel or LibreOffice (CSV injection), so such a
 * text gets a leading apostrophe, which spreadsheets show as text. Numbers and codes are written as they are.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv(String... header) {
        row((Object[]) header);
    }

    /** One record; null is an empty field. */
    public Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
        return this;
    }

    public Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Text t ? t.defused() : value.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Text typed by people, as opposed to figures and codes the hub wrote. */
    public record Text(String value) {
        String defused() {
            if (value.isEmpty()) {
                return value;
            }
            char c = value.charAt(0);
            return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
        }
    }

    public static Object text(String value) {
        return value == null ? null : new Text(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
