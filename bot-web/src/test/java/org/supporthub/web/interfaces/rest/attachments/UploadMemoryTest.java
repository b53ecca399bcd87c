package org.supporthub.web.interfaces.rest.attachments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UploadMemoryTest {

    private static UploadMemory memory(long capacity) {
        UploadMemory m = new UploadMemory();
        m.capacity = capacity;
        return m;
    }

    @Test
    void uploads_are_let_in_while_they_fit_and_their_room_comes_back_once() {
        UploadMemory m = memory(100);
        Optional<UploadMemory.Reservation> a = m.reserve(60);
        Optional<UploadMemory.Reservation> b = m.reserve(40);
        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(m.held()).isEqualTo(100);
        assertThat(m.reserve(1)).as("full").isEmpty();

        a.get().close();
        a.get().close();
        assertThat(m.held()).as("given back once").isEqualTo(40);
        assertThat(m.reserve(61)).as("still too much beside b").isEmpty();
        assertThat(m.reserve(60)).isPresent();
    }

    @Test
    void one_upload_alone_is_let_through_whatever_its_size() {
        UploadMemory m = memory(100);
        Optional<UploadMemory.Reservation> big = m.reserve(500);
        assertThat(big).isPresent();
        assertThat(m.reserve(1)).isEmpty();
        big.get().close();
        assertThat(m.held()).isZero();
    }

    @Test
    void concurrent_uploads_never_hold_more_than_the_capacity() throws Exception {
        UploadMemory m = memory(1_000);
        AtomicLong worst = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            all.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    Optional<UploadMemory.Reservation> r = m.reserve(300);
                    if (r.isPresent()) {
                        worst.accumulateAndGet(m.held(), Math::max);
                        r.get().close();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(worst.get()).isLessThanOrEqualTo(1_000).isGreaterThanOrEqualTo(300);
        assertThat(m.held()).isZero();
    }

    @Test
    void a_busy_refusal_is_503_with_the_time_to_send_again() {
        org.supporthub.core.application.AttachmentTexts texts = new org.supporthub.core.application.AttachmentTexts();
        jakarta.ws.rs.core.Response r = AttachmentProblems.of(new org.supporthub.core.domain.model.attachment
                .AttachmentRefusal(org.supporthub.core.domain.model.attachment.AttachmentRefusal.Code.UPLOADS_BUSY),
                org.supporthub.core.domain.model.portal.SupportLocale.PL, texts);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("3");
        assertThat(((org.supporthub.web.interfaces.rest.Problem) r.getEntity()).detail()).contains("wiele plik");
        assertThat(((org.supporthub.web.interfaces.rest.Problem) r.getEntity()).type()).endsWith("/uploads-busy");
    }
}
