package org.supporthub.core.domain.model.policy;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published policy as the data file gives it, and the file format's rules. */
class SupportPolicyTest {

    private final SupportPolicy policy = SupportPolicy.published();

    @Test
    void every_area_of_the_source_is_there_with_what_support_covers() {
        Map<SupportArea, List<PolicyItem>> byArea = policy.items().stream()
                .collect(Collectors.groupingBy(PolicyItem::area));
        assertThat(byArea.keySet()).isEqualTo(EnumSet.allOf(SupportArea.class));
        byArea.values().forEach(items -> assertThat(items).anyMatch(i -> i.coverage() == Coverage.COVERED));
        // "Other" lists only what support does; every other area also says what it does not do.
        byArea.forEach((area, items) -> {
            if (area != SupportArea.OTHER) {
                assertThat(items).as(area.name()).anyMatch(i -> i.coverage() != Coverage.COVERED);
            }
        });
    }

    @Test
    void only_errors_and_failures_have_general_recommendations_only() {
        assertThat(policy.items()).filteredOn(i -> i.coverage() == Coverage.LIMITED)
                .isNotEmpty().allMatch(i -> i.area() == SupportArea.ERRORS);
    }

    @Test
    void ids_name_their_area_and_coverage_and_both_wordings_are_there() {
        Map<SupportArea, String> prefix = Map.of(SupportArea.INSTALLATION, "INS", SupportArea.PERFORMANCE, "PRF",
                SupportArea.UPDATES, "UPD", SupportArea.ERRORS, "ERR", SupportArea.INTEGRATION, "INT",
                SupportArea.OTHER, "OTH");
        Map<Coverage, String> letter = Map.of(Coverage.COVERED, "C", Coverage.LIMITED, "L", Coverage.NOT_COVERED, "N");
        assertThat(policy.items()).allSatisfy(i -> {
            assertThat(i.id()).startsWith(prefix.get(i.area()) + "-" + letter.get(i.coverage()));
            assertThat(i.english()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(i.polish()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        });
        assertThat(policy.item("INT-N5")).isPresent();
    }

    @Test
    void an_item_listed_twice_is_refused() {
        PolicyItem item = new PolicyItem("X-1", SupportArea.OTHER, Coverage.COVERED, "a", "b");
        assertThatThrownBy(() -> new SupportPolicy(List.of(item, item))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_row_of_the_wrong_width_is_refused_with_its_line_number() {
        assertThatThrownBy(() -> SupportPolicy.Tsv.parse(new BufferedReader(new StringReader(
                "id\tarea\n1\tOTHER\n2\n")), 2, "data.tsv"))
                .hasMessageContaining("data.tsv line 3");
    }
}
