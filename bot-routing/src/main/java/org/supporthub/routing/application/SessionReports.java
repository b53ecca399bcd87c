package org.supporthub.routing.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The support managers' figures about support sessions over a period, from the stored sessions: each one
 * is a grouped query in the database (indexed by the day the question was asked, V31), never rows counted
 * in Java, so that they stay right across restarts and cheap at 100,000 sessions (docs/reports.md).
 *
 * <p>A session belongs to the day its question was asked (a calendar day of the hub's time zone), to the
 * channel that has it now (after any transfer) and to the operator who holds or last held it.
 */
public interface SessionReports {

    /**
     * Which sessions a report covers: asked from {@code from} to {@code to}, both days included; only those of
     * one channel and of one operator when these are given.
     */
    record Scope(LocalDate from, LocalDate to, String channelId, String operator) {
        public Scope {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("The period ends before it starts");
            }
        }

        public Optional<String> channel() {
            return Optional.ofNullable(channelId);
        }

        public Optional<String> operatorName() {
            return Optional.ofNullable(operator);
        }
    }

    /**
     * The sessions asked on one day, by how they turned out ({@code SessionOutcome}); {@code notRecorded}
     * closed before outcomes were recorded (V30), {@code open} not ended yet.
     */
    record DayOutcomes(LocalDate day, long answered, long missed, long closedByAdministrator, long autoClosed,
                       long notRecorded, long open) {
        public long total() {
            return answered + missed + closedByAdministrator + autoClosed + notRecorded + open;
        }

        public static DayOutcomes none(LocalDate day) {
            return new DayOutcomes(day, 0, 0, 0, 0, 0, 0);
        }

        public DayOutcomes plus(DayOutcomes o) {
            return new DayOutcomes(day, answered + o.answered, missed + o.missed,
                    closedByAdministrator + o.closedByAdministrator, autoClosed + o.autoClosed,
                    notRecorded + o.notRecorded, open + o.open);
        }
    }

    /** Every day of the scope, in order, also days without sessions (all zero). */
    List<DayOutcomes> outcomesPerDay(Scope scope);

    /**
     * A duration over a set of sessions: how many have it, its median and 90th percentile in milliseconds
     * (nearest rank, {@code percentile_disc}: always a measured value; null when no session has it).
     */
    record Durations(long count, Long medianMillis, Long p90Millis) {
        public static final Durations NONE = new Durations(0, null, null);
    }

    /** One day's queue time (queued to first accept) and first-response time (queued to first reply). */
    record DayTimes(LocalDate day, Durations queue, Durations firstResponse) {
    }

    /** Per day, and over the whole period (percentiles of the period, not of the days). */
    record ResponseTimes(List<DayTimes> days, Durations queue, Durations firstResponse) {
    }

    ResponseTimes responseTimes(Scope scope);

    record DayVotes(LocalDate day, long likes, long dislikes) {
    }

    /** Votes of the sessions in scope: likes among all votes, per day and in total. */
    record Satisfaction(List<DayVotes> days, long likes, long dislikes) {
        /** The share of likes among votes, 0..1; null without votes. */
        public Double likeShare() {
            long votes = likes + dislikes;
            return votes == 0 ? null : (double) likes / votes;
        }
    }

    Satisfaction satisfaction(Scope scope);

    /** A vote that came with a comment. */
    record VoteComment(String sessionId, Instant askedAt, Instant closedAt, String vote, String comment,
                       String operator, String channelId, String portalId) {
    }

    /** One page of the comments, newest close first, and how many there are in scope. */
    record CommentPage(List<VoteComment> comments, long total) {
    }

    CommentPage comments(Scope scope, int offset, int limit);

    /**
     * Sessions per triage label (area null: unclear; coverage null: not judged), with how many triage held
     * as not covered and how many of those the administrator sent to support anyway. An operator's
     * correction of the label counts under the corrected label.
     */
    record TriageRow(String area, String coverage, long sessions, long held, long sentAnyway) {
    }

    /** Labels in order (area, then coverage; unclear and unjudged last); only labels with sessions. */
    List<TriageRow> triage(Scope scope);
}
