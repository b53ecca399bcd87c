package org.supporthub.web.interfaces.rest.reports;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON or CSV: the format parameter first, then the client's most preferred type. */
class ReportsTest {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Test
    void the_format_parameter_decides_whatever_the_accept_header_says() {
        assertThat(Reports.wantsCsv("csv", List.of(MediaType.APPLICATION_JSON_TYPE))).isTrue();
        assertThat(Reports.wantsCsv("json", List.of(CSV))).isFalse();
    }

    @Test
    void without_it_the_first_type_a_report_can_answer_decides() {
        assertThat(Reports.wantsCsv(null, List.of(CSV))).isTrue();
        assertThat(Reports.wantsCsv(null, List.of(MediaType.valueOf("text/html"), CSV,
                MediaType.APPLICATION_JSON_TYPE))).isTrue();
        assertThat(Reports.wantsCsv(null, List.of(MediaType.APPLICATION_JSON_TYPE, CSV))).isFalse();
        assertThat(Reports.wantsCsv(null, List.of(MediaType.WILDCARD_TYPE))).as("no Accept header").isFalse();
        assertThat(Reports.wantsCsv(null, List.of())).isFalse();
    }

    @Test
    void the_like_share_has_a_point_and_four_decimals_and_none_without_votes() {
        assertThat(ReportsResource.share(2, 1)).isEqualTo("0.6667");
        assertThat(ReportsResource.share(0, 0)).isNull();
    }

    @Test
    void the_download_is_named_after_the_report_its_period_and_its_filters() {
        ReportQuery q = new ReportQuery();
        q.from = "2026-03-01";
        q.to = "2026-03-31";
        assertThat(q.fileName("sessions")).isEqualTo("sessions-2026-03-01-2026-03-31.csv");
        q.channel = "ch-1";
        q.operator = "olga@vendor";
        assertThat(q.fileName("csat")).isEqualTo("csat-2026-03-01-2026-03-31-channel-ch-1-operator-olga_vendor.csv");
    }
}
