package org.supporthub.web.interfaces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoMailServletTest {

    @Test
    void nothing_people_wrote_reaches_the_mailbox_page_as_markup() {
        assertThat(DemoMailServlet.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(DemoMailServlet.escape("Zażółć gęślą jaźń")).isEqualTo("Zażółć gęślą jaźń");
    }
}
