package org.supporthub.web.interfaces.rest.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 as the reports write it, and spreadsheet formulas defused in people's text. */
class CsvTest {

    @Test
    void a_header_and_records_with_crlf_line_ends_and_empty_fields_for_null() {
        String csv = new Csv("date", "likes", "share").row("2026-03-01", 3, null).row("total", 3L, "0.7500").toString();

        assertThat(csv).isEqualTo("date,likes,share\r\n2026-03-01,3,\r\ntotal,3,0.7500\r\n");
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(Csv.field("plain text")).isEqualTo("plain text");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void typed_text_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        assertThat(Csv.field(Csv.text("=HYPERLINK(\"http://x\")"))).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field(Csv.text("+1"))).isEqualTo("'+1");
        assertThat(Csv.field(Csv.text("-2"))).isEqualTo("'-2");
        assertThat(Csv.field(Csv.text("@SUM(A1)"))).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field(Csv.text("Great, thanks!"))).isEqualTo("\"Great, thanks!\"");
        assertThat(Csv.text(null)).isNull();
        assertThat(Csv.field(-2)).as("figures are written as they are").isEqualTo("-2");
    }
}
