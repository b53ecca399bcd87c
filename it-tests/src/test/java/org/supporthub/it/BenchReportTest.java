package org.supporthub.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's report rewrites only the sections of the scenarios that ran: a run of the cluster
 * scenario alone keeps the single hub's figures, and a run of the single hub keeps the cluster's.
 */
class BenchReportTest {

    private static final String EXISTING = """
            # Benchmarks

            Old header.

            ## Machine

            | date | old single-hub run |

            ## Aims of issue 10 beside the figures

            | aim | 613/s vs 3769/s | **no** |

            ## Figures

            ![chart](images/benchmark.png)

            | User's message | 200 connections | 613 |

            ## Notes of this run

            - The whole run took 263 s.

            ## Cluster (issue 12)

            old cluster figures: p99 12.3 ms

            ### Machine

            | date | old cluster run |

            ## Where the time goes (profile)

            hand-written profile

            ## Crash and recover

            hand-written crash table""";

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Path existing() throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Files.writeString(md, EXISTING);
        return md;
    }

    @Test
    void aClusterRunAloneKeepsTheSingleHubSectionsAndRewritesItsOwn() throws Exception {
        Path md = existing();
        BenchClusterReport cluster = new BenchClusterReport(List.of("-Xmx512m"), Duration.ofSeconds(10));
        cluster.note("a note of the new cluster run");

        new BenchReport(List.of("-Xmx512m"), Duration.ofSeconds(10)).write(md, dir.resolve("images"),
                Set.of("cluster"), cluster);

        String text = Files.readString(md);
        assertThat(text).contains("| date | old single-hub run |", "| aim | 613/s vs 3769/s | **no** |",
                "| User's message | 200 connections | 613 |", "- The whole run took 263 s.",
                "hand-written profile", "hand-written crash table", "- a note of the new cluster run",
                "## Cluster (issue 12)");
        assertThat(text).doesNotContain("old cluster figures", "| date | old cluster run |");
        assertThat(dir.resolve("images/benchmark-cluster.png")).exists();
        assertThat(dir.resolve("images/benchmark.png")).doesNotExist();
        // Sections in their order, each once.
        assertThat(text.indexOf("## Notes of this run")).isLessThan(text.indexOf("## Cluster (issue 12)"));
        assertThat(text.indexOf("## Cluster (issue 12)")).isLessThan(text.indexOf("## Where the time goes"));
        assertThat(text.split("\n## Machine\n", -1)).hasSize(2);
    }

    @Test
    void aSingleHubRunKeepsTheClusterSection() throws Exception {
        Path md = existing();
        BenchReport report = new BenchReport(List.of("-Xmx512m"), Duration.ofSeconds(10));
        report.note("a note of the new single-hub run");

        report.write(md, dir.resolve("images"), Set.of("echo", "users"),
                new BenchClusterReport(List.of("-Xmx512m"), Duration.ofSeconds(10)));

        String text = Files.readString(md);
        assertThat(text).contains("old cluster figures: p99 12.3 ms", "| date | old cluster run |",
                "- a note of the new single-hub run", "hand-written profile", "hand-written crash table");
        assertThat(text).doesNotContain("| date | old single-hub run |", "- The whole run took 263 s.");
        assertThat(dir.resolve("images/benchmark.png")).exists();
        assertThat(dir.resolve("images/benchmark-cluster.png")).doesNotExist();
    }

    @Test
    void writingTwiceWithNothingNewChangesNothing() throws Exception {
        Path md = existing();
        BenchReport report = new BenchReport(List.of("-Xmx512m"), Duration.ofSeconds(10));
        BenchClusterReport cluster = new BenchClusterReport(List.of("-Xmx512m"), Duration.ofSeconds(10));
        report.write(md, dir.resolve("images"), Set.of(), cluster);
        String once = Files.readString(md);
        report.write(md, dir.resolve("images"), Set.of(), cluster);
        assertThat(Files.readString(md)).isEqualTo(once).contains("old cluster figures", "old single-hub run");
    }
}
