package org.supporthub.it;

import java.util.List;

/**
 * JVM flags for the hubs the suite starts as processes of its own, the same as {@code arquillian.xml} gives
 * the hubs Arquillian starts. A Payara Micro boot is CPU-bound, and CI runs on two cores beside another hub:
 * the client compiler alone (no C2 threads competing with the boot) and the serial collector (no parallel GC
 * threads) start a hub markedly sooner. They change nothing the tests observe.
 */
final class HubJvm {

    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private HubJvm() {
    }
}
