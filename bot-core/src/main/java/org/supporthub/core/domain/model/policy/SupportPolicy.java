package org.supporthub.core.domain.model.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor's published support policy as data: every item, by area, read from
 * {@code org/supporthub/core/policy/support-policy.tsv} (columns {@code id area coverage en pl}). Changing
 * the policy is editing that file, not the code.
 */
public final class SupportPolicy {

    static final String RESOURCE = "/org/supporthub/core/policy/support-policy.tsv";

    private final Map<String, PolicyItem> byId;

    public SupportPolicy(List<PolicyItem> items) {
        Map<String, PolicyItem> map = new LinkedHashMap<>();
        for (PolicyItem item : items) {
            if (map.put(item.id(), item) != null) {
                throw new IllegalArgumentException("Policy item listed twice: " + item.id());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The policy shipped with the hub. */
    public static SupportPolicy published() {
        return new SupportPolicy(Tsv.read(RESOURCE, 5).stream()
                .map(r -> new PolicyItem(r[0], SupportArea.valueOf(r[1]), Coverage.valueOf(r[2]), r[3], r[4]))
                .toList());
    }

    public List<PolicyItem> items() {
        return List.copyOf(byId.values());
    }

    public Optional<PolicyItem> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<PolicyItem> items(SupportArea area) {
        return byId.values().stream().filter(i -> i.area() == area).toList();
    }

    /** Tab-separated data files of the policy package: a header line, then rows of a fixed width. */
    public static final class Tsv {

        private Tsv() {
        }

        /** The rows of a classpath resource, without its header; each must have {@code columns} fields. */
        public static List<String[]> read(String resource, int columns) {
            try (InputStream in = SupportPolicy.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), columns, resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<String[]> parse(BufferedReader reader, int columns, String name) throws IOException {
            List<String[]> rows = new ArrayList<>();
            String line = reader.readLine(); // the header
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(name + " line " + number + ": " + fields.length
                            + " fields, expected " + columns);
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                rows.add(fields);
            }
            return rows;
        }
    }
}
