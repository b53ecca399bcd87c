package org.supporthub.web.interfaces.rest.reports;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.supporthub.routing.application.SessionReports;

import java.time.LocalDate;

/**
 * The query parameters every report takes: the period ({@code from}, {@code to}: ISO dates, both days
 * included), the optional channel and operator filters, and {@code format=csv} for a download.
 */
@ValidPeriod
public class ReportQuery {

    /** A year and a day: a whole leap year fits, and no query reads an unbounded history. */
    public static final int MAX_DAYS = 366;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("channel")
    @Pattern(regexp = "[A-Za-z0-9-]{1,36}", message = "must be an open channel's id")
    String channel;

    @QueryParam("operator")
    @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a staff username")
    String operator;

    @QueryParam("format")
    @Pattern(regexp = "json|csv", message = "must be 'json' or 'csv'")
    String format;

    public LocalDate fromDate() {
        return LocalDate.parse(from);
    }

    public LocalDate toDate() {
        return LocalDate.parse(to);
    }

    public String channel() {
        return channel;
    }

    public String operator() {
        return operator;
    }

    public String format() {
        return format;
    }

    SessionReports.Scope scope() {
        return new SessionReports.Scope(fromDate(), toDate(), channel, operator);
    }

    /** The download's name: what, and which period (and filters) it covers. */
    String fileName(String report) {
        StringBuilder name = new StringBuilder(report).append('-').append(from).append('-').append(to);
        if (channel != null) {
            name.append("-channel-").append(channel);
        }
        if (operator != null) {
            name.append("-operator-").append(operator.replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return name.append(".csv").toString();
    }
}
