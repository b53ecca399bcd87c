package org.supporthub.core.application.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Group commit as its callers see it: each gets its own item's result; a lone caller is stored at once
 * and alone; callers arriving during a commit share the next one; a failing batch falls back to storing
 * each item alone, so only the bad item's caller fails.
 */
class GroupCommitTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> alone = Collections.synchronizedList(new ArrayList<>());

    @Test
    void a_lone_caller_is_stored_alone_at_once() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::together, this::alone, 10, 1);

        assertThat(commit.submit(7)).isEqualTo("stored 7 alone");
        assertThat(batches).isEmpty();
        assertThat(alone).containsExactly(7);
    }

    @Test
    void callers_that_arrive_during_a_commit_share_the_next_one() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::together, item -> {
            if (item == 0) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            return alone(item);
        }, 100, 1);
        ExecutorService callers = Executors.newFixedThreadPool(21);
        try {
            Future<String> first = callers.submit(() -> commit.submit(0));
            assertThat(firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int item = i;
                others.add(callers.submit(() -> commit.submit(item)));
            }
            waitUntilQueued(commit, 20);
            releaseFirstCommit.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored 0 alone");
            for (int i = 1; i <= 20; i++) {
                assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("stored " + i + " in a batch");
            }
            assertThat(batches).as("the twenty waiting callers were one commit").hasSize(1);
            assertThat(batches.get(0)).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_batch_never_takes_more_than_its_bound() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::together, this::alone, 4, 1);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int item = i;
                results.add(callers.submit(() -> commit.submit(item)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).startsWith("stored " + i + " ");
            }
            assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeBetween(2, 4));
            assertThat(batches.stream().mapToInt(List::size).sum() + alone.size()).isEqualTo(200);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_failing_batch_is_stored_item_by_item_and_only_the_bad_item_fails() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            throw new IllegalStateException("unique key clash somewhere in " + items);
        }, item -> {
            if (item == 0) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            if (item == 13) {
                throw new IllegalStateException("item 13 is bad");
            }
            return alone(item);
        }, 100, 1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            callers.submit(() -> commit.submit(0));
            assertThat(firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> good = callers.submit(() -> commit.submit(12));
            Future<String> bad = callers.submit(() -> commit.submit(13));
            Future<String> alsoGood = callers.submit(() -> commit.submit(14));
            waitUntilQueued(commit, 3);
            releaseFirstCommit.countDown();

            assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("stored 12 alone");
            assertThat(alsoGood.get(5, TimeUnit.SECONDS)).isEqualTo("stored 14 alone");
            assertThatIllegalStateException().isThrownBy(() -> {
                try {
                    bad.get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                }
            }).withMessage("item 13 is bad");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void two_flushers_store_two_batches_at_the_same_time() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch bothInside = new CountDownLatch(2);
        GroupCommit<Integer, String> commit = new GroupCommit<>(this::together, item -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            bothInside.countDown();
            await(bothInside); // neither can finish before the other started: they overlap
            inside.decrementAndGet();
            return alone(item);
        }, 10, 2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = callers.submit(() -> commit.submit(1));
            Future<String> b = callers.submit(() -> commit.submit(2));
            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("stored 1 alone");
            assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("stored 2 alone");
            assertThat(most.get()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    private List<String> together(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(i -> "stored " + i + " in a batch").toList();
    }

    private String alone(Integer item) {
        alone.add(item);
        return "stored " + item + " alone";
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) until this many callers are queued behind the running commit. */
    private static void waitUntilQueued(GroupCommit<?, ?> commit, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commit.queuedCount() < count) {
            assertThat(System.nanoTime()).as("callers queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
