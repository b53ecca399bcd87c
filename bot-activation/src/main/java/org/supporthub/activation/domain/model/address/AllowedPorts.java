package org.supporthub.activation.domain.model.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The TCP ports activation may connect to on a portal's site.
 *
 * <p>The hub connects wherever a portal's address says. Without a limit on the port, anyone who registers a
 * portal could have the hub knock on any port of any public host, and read from the failure codes whether
 * something listens there: a port scanner with the hub's address. Portals are web sites, so {@code 443} is
 * the default and the only port allowed unless the hub's operator lists more
 * ({@code SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS}, e.g. {@code 443,8443} or {@code 443,8000-8999}).
 */
public final class AllowedPorts {

    /** Only the standard HTTPS port: the production default. */
    public static final AllowedPorts HTTPS_ONLY = new AllowedPorts(List.of(new int[] {443, 443}), "443");

    private static final int MAX_PORT = 65535;

    private final List<int[]> ranges;
    private final String text;

    private AllowedPorts(List<int[]> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /**
     * Reads a comma-separated list of ports and inclusive ranges ({@code 443, 8443, 9000-9100}).
     *
     * @throws IllegalArgumentException when an entry is not a port or a range of ports from 1 to 65535, or
     *                                  the list is empty
     */
    public static AllowedPorts parse(String list) {
        Objects.requireNonNull(list, "list");
        List<int[]> ranges = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int dash = e.indexOf('-');
            int from = port(dash < 0 ? e : e.substring(0, dash).strip(), list);
            int to = dash < 0 ? from : port(e.substring(dash + 1).strip(), list);
            if (to < from) {
                throw new IllegalArgumentException("A port range must go upwards: " + e);
            }
            ranges.add(new int[] {from, to});
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("No port is allowed at all: '" + list + "'");
        }
        return new AllowedPorts(List.copyOf(ranges), list.strip());
    }

    /** Whether activation may connect to this port. */
    public boolean allows(int port) {
        for (int[] range : ranges) {
            if (port >= range[0] && port <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** True when nothing but 443 is allowed. */
    public boolean httpsOnly() {
        return ranges.stream().allMatch(r -> r[0] == 443 && r[1] == 443);
    }

    @Override
    public String toString() {
        return text;
    }

    private static int port(String text, String list) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Not a port: '" + text + "' in '" + list + "'");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("Not a port: " + port + " in '" + list + "'");
        }
        return port;
    }
}
