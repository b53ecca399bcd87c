package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected error answers with a correlation id that leads to its log line, and says nothing else. */
class UnexpectedErrorMapperTest {

    private final Logger log = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
    }

    @Test
    void aBugIsA500WithACorrelationIdThatIsInTheLogWithTheStackTrace() {
        IllegalStateException bug = new IllegalStateException("connection pool hub-ds exhausted at 10.0.0.7");
        Response r = new UnexpectedErrorMapper().toResponse(bug);

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        UnexpectedErrorMapper.InternalProblem body = (UnexpectedErrorMapper.InternalProblem) r.getEntity();
        String id = body.correlationId();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(r.getHeaderString(UnexpectedErrorMapper.CORRELATION_HEADER)).isEqualTo(id);
        assertThat(body.toString()).doesNotContain("IllegalStateException", "exhausted", "10.0.0.7", "java.");

        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(rec.getMessage()).contains(id);
            assertThat(rec.getThrown()).isSameAs(bug);
        });
    }

    @Test
    void aServerErrorThatJaxRsRaisesKeepsItsStatusButLosesItsMessage() {
        Response r = new ProblemMappers.WebApplication()
                .toResponse(new ServiceUnavailableException("database host db-7.internal is down", 30L));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("30");
        UnexpectedErrorMapper.InternalProblem body = (UnexpectedErrorMapper.InternalProblem) r.getEntity();
        assertThat(body.toString()).doesNotContain("db-7");
        assertThat(records).singleElement().satisfies(rec -> assertThat(rec.getMessage()).contains(body.correlationId()));
    }

    @Test
    void clientErrorsStayAsTheyWere() {
        Response r = new ProblemMappers.WebApplication().toResponse(new jakarta.ws.rs.NotFoundException());
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(((Problem) r.getEntity()).type()).endsWith("/not-found");
        assertThat(records).isEmpty();
    }
}
