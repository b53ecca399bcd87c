package org.supporthub.web.interfaces.rest.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.activation.application.ActivationReports;
import org.supporthub.routing.application.SessionReports;
import org.supporthub.routing.application.SessionReports.DayOutcomes;
import org.supporthub.routing.application.SessionReports.Durations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The support managers' reports (docs/reports.md): sessions by outcome, queue and first-response times,
 * satisfaction with its comments, triage, and activations, over a period and optionally one channel and
 * one operator. Every report answers JSON, or CSV for {@code Accept: text/csv} or {@code ?format=csv}. The
 * figures come from bot-routing's and bot-activation's report queries; this class only shapes them.
 */
@Path("/v1/admin/reports")
@RolesAllowed("manager")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Reports.CSV})
public class ReportsResource {

    /** Largest page of vote comments. */
    static final int MAX_COMMENTS = 1000;

    @Inject
    SessionReports sessions;

    @Inject
    ActivationReports activations;

    @Context
    HttpHeaders headers;

    // ---- JSON shapes --------------------------------------------------------------------------------

    /** What a report covers, repeated in every answer. */
    public record Period(String from, String to, String channel, String operator) {
        static Period of(ReportQuery q) {
            return new Period(q.fromDate().toString(), q.toDate().toString(), q.channel(), q.operator());
        }
    }

    public record Outcomes(long answered, long missed, long closedByAdministrator, long autoClosed, long notRecorded,
                           long open, long total) {
        static Outcomes of(DayOutcomes d) {
            return new Outcomes(d.answered(), d.missed(), d.closedByAdministrator(), d.autoClosed(), d.notRecorded(),
                    d.open(), d.total());
        }
    }

    public record DayOutcomesView(LocalDate date, long answered, long missed, long closedByAdministrator,
                                  long autoClosed, long notRecorded, long open, long total) {
    }

    public record SessionsReport(Period period, List<DayOutcomesView> days, Outcomes totals) {
    }

    public record DurationsView(long count, Long medianMillis, Long p90Millis) {
        static DurationsView of(Durations d) {
            return new DurationsView(d.count(), d.medianMillis(), d.p90Millis());
        }
    }

    public record DayTimesView(LocalDate date, DurationsView queue, DurationsView firstResponse) {
    }

    public record Times(DurationsView queue, DurationsView firstResponse) {
    }

    public record ResponseTimesReport(Period period, List<DayTimesView> days, Times whole) {
    }

    public record DayVotesView(LocalDate date, long likes, long dislikes, long votes) {
    }

    public record CsatReport(Period period, long likes, long dislikes, long votes, Double likeShare,
                             List<DayVotesView> days) {
    }

    public record CommentView(String sessionId, Instant askedAt, Instant closedAt, String vote, String comment,
                              String operator, String channelId, String portalId) {
    }

    public record CommentsReport(Period period, int page, int size, long total, List<CommentView> comments) {
    }

    public record TriageRowView(String area, String coverage, long sessions, long held, long sentAnyway) {
    }

    public record TriageTotals(long sessions, long held, long sentAnyway) {
    }

    public record TriageReport(Period period, List<TriageRowView> rows, TriageTotals totals) {
    }

    public record DayAttemptsView(LocalDate date, long attempts, long connected, long failed, long other) {
    }

    public record FailingCheckView(String area, String code, long failures, long portals) {
    }

    public record RunErrorView(String code, long attempts) {
    }

    public record ActivationReport(Period period, long attempts, long connected, long failed, long portals,
                                   long running, List<DayAttemptsView> days, List<FailingCheckView> failingChecks,
                                   List<RunErrorView> runErrors) {
    }

    // ---- the reports --------------------------------------------------------------------------------

    @GET
    @Path("sessions")
    public Response sessions(@Valid @BeanParam ReportQuery q) {
        List<DayOutcomes> days = sessions.outcomesPerDay(q.scope());
        DayOutcomes total = days.stream().reduce(DayOutcomes.none(q.fromDate()), DayOutcomes::plus);
        return answer(q, "sessions", () -> new SessionsReport(Period.of(q), days.stream()
                .map(d -> new DayOutcomesView(d.day(), d.answered(), d.missed(), d.closedByAdministrator(),
                        d.autoClosed(), d.notRecorded(), d.open(), d.total())).toList(), Outcomes.of(total)), () -> {
            Csv csv = new Csv("date", "answered", "missed", "closed_by_administrator", "auto_closed", "not_recorded",
                    "open", "total");
            days.forEach(d -> csv.row(d.day(), d.answered(), d.missed(), d.closedByAdministrator(), d.autoClosed(),
                    d.notRecorded(), d.open(), d.total()));
            return csv.row("total", total.answered(), total.missed(), total.closedByAdministrator(),
                    total.autoClosed(), total.notRecorded(), total.open(), total.total());
        });
    }

    @GET
    @Path("response-times")
    public Response responseTimes(@Valid @BeanParam ReportQuery q) {
        SessionReports.ResponseTimes times = sessions.responseTimes(q.scope());
        return answer(q, "response-times", () -> new ResponseTimesReport(Period.of(q), times.days().stream()
                .map(d -> new DayTimesView(d.day(), DurationsView.of(d.queue()), DurationsView.of(d.firstResponse())))
                .toList(), new Times(DurationsView.of(times.queue()), DurationsView.of(times.firstResponse()))), () -> {
            Csv csv = new Csv("date", "queue_count", "queue_median_ms", "queue_p90_ms", "first_response_count",
                    "first_response_median_ms", "first_response_p90_ms");
            times.days().forEach(d -> timesRow(csv, d.day(), d.queue(), d.firstResponse()));
            return timesRow(csv, "period", times.queue(), times.firstResponse());
        });
    }

    private static Csv timesRow(Csv csv, Object label, Durations queue, Durations response) {
        return csv.row(label, queue.count(), queue.medianMillis(), queue.p90Millis(), response.count(),
                response.medianMillis(), response.p90Millis());
    }

    @GET
    @Path("csat")
    public Response csat(@Valid @BeanParam ReportQuery q) {
        SessionReports.Satisfaction s = sessions.satisfaction(q.scope());
        return answer(q, "csat", () -> new CsatReport(Period.of(q), s.likes(), s.dislikes(), s.likes() + s.dislikes(),
                s.likeShare(), s.days().stream().map(d -> new DayVotesView(d.day(), d.likes(), d.dislikes(),
                        d.likes() + d.dislikes())).toList()), () -> {
            Csv csv = new Csv("date", "likes", "dislikes", "votes", "like_share");
            s.days().forEach(d -> csv.row(d.day(), d.likes(), d.dislikes(), d.likes() + d.dislikes(),
                    share(d.likes(), d.dislikes())));
            return csv.row("total", s.likes(), s.dislikes(), s.likes() + s.dislikes(), share(s.likes(), s.dislikes()));
        });
    }

    /** The share of likes with four decimals and a point, whatever the server's locale; empty without votes. */
    static String share(long likes, long dislikes) {
        return likes + dislikes == 0 ? null : String.format(Locale.ROOT, "%.4f", (double) likes / (likes + dislikes));
    }

    @GET
    @Path("csat/comments")
    public Response comments(@Valid @BeanParam ReportQuery q,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_COMMENTS) int size) {
        SessionReports.CommentPage p = sessions.comments(q.scope(), page * size, size);
        List<CommentView> comments = p.comments().stream().map(c -> new CommentView(c.sessionId(), c.askedAt(),
                c.closedAt(), c.vote() == null ? null : c.vote().toLowerCase(Locale.ROOT), c.comment(), c.operator(),
                c.channelId(), c.portalId())).toList();
        return answer(q, "csat-comments", () -> new CommentsReport(Period.of(q), page, size, p.total(), comments),
                () -> {
                    Csv csv = new Csv("session_id", "asked_at", "closed_at", "vote", "comment", "operator",
                            "channel_id", "portal_id");
                    comments.forEach(c -> csv.row(c.sessionId(), c.askedAt(), c.closedAt(), c.vote(),
                            Csv.text(c.comment()), c.operator(), c.channelId(), c.portalId()));
                    return csv;
                });
    }

    @GET
    @Path("triage")
    public Response triage(@Valid @BeanParam ReportQuery q) {
        List<SessionReports.TriageRow> rows = sessions.triage(q.scope());
        TriageTotals totals = new TriageTotals(rows.stream().mapToLong(SessionReports.TriageRow::sessions).sum(),
                rows.stream().mapToLong(SessionReports.TriageRow::held).sum(),
                rows.stream().mapToLong(SessionReports.TriageRow::sentAnyway).sum());
        return answer(q, "triage", () -> new TriageReport(Period.of(q), rows.stream().map(r -> new TriageRowView(
                r.area(), r.coverage(), r.sessions(), r.held(), r.sentAnyway())).toList(), totals), () -> {
            Csv csv = new Csv("area", "coverage", "sessions", "held_not_covered", "sent_anyway");
            rows.forEach(r -> csv.row(r.area(), r.coverage(), r.sessions(), r.held(), r.sentAnyway()));
            return csv.row("total", null, totals.sessions(), totals.held(), totals.sentAnyway());
        });
    }

    /** Activations are per portal, not per channel or operator: those filters do not apply here. */
    @GET
    @Path("activation")
    public Response activation(@Valid @BeanParam ReportQuery q) {
        ActivationReports.Summary s = activations.summary(q.fromDate(), q.toDate());
        return answer(q, "activation", () -> new ActivationReport(new Period(q.fromDate().toString(),
                q.toDate().toString(), null, null), s.attempts(), s.connected(), s.failed(), s.portals(), s.running(),
                s.days().stream().map(d -> new DayAttemptsView(d.day(), d.attempts(), d.connected(), d.failed(),
                        d.other())).toList(),
                s.failingChecks().stream().map(c -> new FailingCheckView(c.area(), c.code(), c.failures(),
                        c.portals())).toList(),
                s.runErrors().stream().map(e -> new RunErrorView(e.code(), e.attempts())).toList()), () -> {
            // One table: the checks that failed, most first, then the runs that ended without judging them.
            Csv csv = new Csv("kind", "area", "code", "failures", "portals");
            s.failingChecks().forEach(c -> csv.row("check", c.area(), c.code(), c.failures(), c.portals()));
            s.runErrors().forEach(e -> csv.row("run", null, e.code(), e.attempts(), null));
            return csv;
        });
    }

    // ---- JSON or CSV --------------------------------------------------------------------------------

    private Response answer(ReportQuery q, String report, Supplier<Object> json, Supplier<Csv> csv) {
        if (!Reports.wantsCsv(q.format(), headers.getAcceptableMediaTypes())) {
            return Response.ok(json.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv.get().toString(), Reports.CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"" + q.fileName(report) + "\"").build();
    }
}
