package org.supporthub.core.domain.model.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test vector exactly as {@code docs/protocol.md} prints it for portal developers ("Test vector" under
 * "Keys: one secret, one purpose each"), read from the document itself so that tests fail when the
 * document and the code part ways.
 */
public final class DocumentedTestVector {

    private final Map<String, String> values;

    private DocumentedTestVector(Map<String, String> values) {
        this.values = values;
    }

    /** Reads the vector from the project's {@code docs/protocol.md}, found from a module's folder. */
    public static DocumentedTestVector load() {
        Path doc = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/protocol.md").normalize();
        String text;
        try {
            text = Files.readString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("The protocol document is missing: " + doc, e);
        }
        int heading = text.indexOf("### Test vector");
        int start = text.indexOf("```text\n", heading);
        int end = text.indexOf("```", start + 8);
        if (heading < 0 || start < 0 || end < 0) {
            throw new IllegalStateException("No ```text block under '### Test vector' in " + doc);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.substring(start + 8, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return new DocumentedTestVector(values);
    }

    public String get(String label) {
        String value = values.get(label);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("The documented test vector has no '" + label + "'");
        }
        return value;
    }
}
