package org.supporthub.web.interfaces.websocket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed as a socket sees it: what it sends, in which order, when messages come live, from the database
 * (stored by another instance), during the replay, or twice.
 */
class OrderedFeedTest {

    /** The conversation as stored: sequence number to frame. */
    private final TreeMap<Long, String> stored = new TreeMap<>();
    private final List<String> sent = new ArrayList<>();
    private int reads;

    private final OrderedFeed feed = new OrderedFeed(after -> {
        reads++;
        return stored.tailMap(after, false).entrySet().stream()
                .map(e -> new OrderedFeed.Numbered(e.getKey(), e.getValue())).toList();
    }, sent::add);

    private void store(long... seqs) {
        LongStream.of(seqs).forEach(s -> stored.put(s, "m" + s));
    }

    @Test
    void live_messages_in_order_go_out_as_they_come_without_reading_the_database() {
        feed.replayed(0);
        store(1, 2, 3);

        feed.push(1, "m1");
        feed.push(2, "m2");
        feed.push(3, "m3");

        assertThat(sent).containsExactly("m1", "m2", "m3");
        assertThat(reads).isZero();
    }

    @Test
    void a_gap_left_by_another_instance_is_filled_from_the_database_before_the_message_that_shows_it() {
        feed.replayed(0);
        store(1, 2, 3, 4);

        feed.push(1, "m1");
        // 2 and 3 were stored by another hub instance: no local event for them.
        feed.push(4, "m4");

        assertThat(sent).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void a_message_sent_already_is_not_sent_again() {
        feed.replayed(0);
        store(1, 2);

        feed.push(2, "m2");
        feed.push(1, "m1");
        feed.push(2, "m2");

        assertThat(sent).containsExactly("m1", "m2");
    }

    @Test
    void live_messages_wait_for_the_replay_and_follow_it_minus_what_it_carried() {
        store(1, 2, 3);
        feed.replay(1, "m1");
        feed.push(2, "m2");
        feed.push(3, "m3");
        feed.replay(2, "m2");

        assertThat(sent).containsExactly("m1", "m2");
        feed.replayed(2);

        assertThat(sent).containsExactly("m1", "m2", "m3");
    }

    @Test
    void catching_up_sends_what_was_stored_elsewhere_and_nothing_when_up_to_date() {
        store(1, 2);
        feed.replay(1, "m1");
        feed.replay(2, "m2");
        feed.replayed(2);

        feed.catchUp(2);
        assertThat(reads).isZero();

        store(3, 4);
        feed.catchUp(4);

        assertThat(sent).containsExactly("m1", "m2", "m3", "m4");
        assertThat(feed.delivered()).isEqualTo(4);
    }

    @Test
    void catching_up_waits_while_the_history_is_replayed() {
        store(1, 2);

        feed.catchUp(2);

        assertThat(sent).isEmpty();
    }

    @Test
    void a_client_resuming_from_a_sequence_number_gets_only_what_came_after_it() {
        store(1, 2, 3, 4, 5);
        feed.replayed(3);

        feed.push(5, "m5");

        assertThat(sent).containsExactly("m4", "m5");
    }

    @Test
    void the_database_is_read_outside_the_feeds_lock_so_a_slow_read_stalls_no_other_delivery() {
        OrderedFeed[] self = new OrderedFeed[1];
        List<Boolean> lockedDuringRead = new ArrayList<>();
        self[0] = new OrderedFeed(after -> {
            lockedDuringRead.add(Thread.holdsLock(self[0]));
            return stored.tailMap(after, false).entrySet().stream()
                    .map(e -> new OrderedFeed.Numbered(e.getKey(), e.getValue())).toList();
        }, sent::add);
        self[0].replayed(0);
        store(1, 2, 3);

        self[0].push(3, "m3");
        store(4);
        self[0].catchUp(4);

        assertThat(sent).containsExactly("m1", "m2", "m3", "m4");
        assertThat(lockedDuringRead).isNotEmpty().containsOnly(false);
    }
}
