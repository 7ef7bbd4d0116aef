package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.collections.DunningLevel;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalPendingException;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.approval.OwnRequestException;
import receivables.api.audit.Actor;
import receivables.api.money.Money;
import receivables.api.customer.CustomerRequest;
import receivables.impl.persistence.internal.DatabaseUnavailableException;

class ProblemResponsesTest {

    private final ObjectMapper json = JsonBodies.mapper();

    @Test
    void approvingOnesOwnRequestIsForbiddenSayingWhy() {
        Problem problem = ProblemResponses.problem(new OwnRequestException("approval request 1 was made by alice"));

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.type()).endsWith("/own-request");
        assertThat(problem.detail()).contains("alice");
    }

    @Test
    void aCommandThatWaitsForApprovalIsAcceptedWithItsRequest() {
        ApprovalRequest waiting = new ApprovalRequest(UUID.randomUUID(), ApprovalKind.WRITE_OFF, ApprovalStatus.PENDING,
                UUID.randomUUID(), UUID.randomUUID(), "INV-2026-000001", Money.of("1190.00", "EUR"), null, "insolvent",
                LocalDate.of(2026, 3, 2), new Actor(Actor.Kind.USER, "alice"), Instant.EPOCH, null, null, null, null);

        Response response = new ProblemResponses().toResponse(new ApprovalPendingException(waiting));

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getEntity()).isEqualTo(waiting);
        assertThat(response.getLocation()).hasToString("approvals/" + waiting.id());
    }

    @Test
    void malformedJsonIsABadBodyWithItsPosition() {
        Problem problem = problemReading("{\"name\": \"Acme");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldViolation::field).containsExactly("body");
        assertThat(problem.detail()).contains("not well-formed JSON").contains("line 1");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Problem problem = problemReading("{\"name\":\"Acme\",\"currency\":\"EUR\",\"colour\":\"red\"}");

        assertThat(problem.errors()).containsExactly(FieldViolation.of("colour", "is not a known field"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedAndNeverCoerced() {
        assertThat(problemReading("{\"name\":42,\"currency\":\"EUR\"}").errors())
                .extracting(FieldViolation::field).containsExactly("name");
        assertThat(problemReading("{\"name\":[\"a\"],\"currency\":\"EUR\"}").errors())
                .extracting(FieldViolation::field).containsExactly("name");
        assertThat(problemReading("{\"name\":\"Acme\",\"currency\":\"EUR\"} trailing").status()).isEqualTo(400);
    }

    @Test
    void typedFailuresMapToTheirStatus() {
        assertThat(ProblemResponses.problem(new InvalidRequestException(List.of(FieldViolation.of("name", "is required")))))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).containsExactly(FieldViolation.of("name", "is required"));
                });
        assertThat(ProblemResponses.problem(new receivables.api.NotFoundException("customer", "x")).status()).isEqualTo(404);
        assertThat(ProblemResponses.problem(new ConflictException("taken")).status()).isEqualTo(409);
        assertThat(ProblemResponses.problem(new DatabaseUnavailableException("down", null)).status()).isEqualTo(503);
        assertThat(ProblemResponses.problem(new NotFoundException()).status()).isEqualTo(404);
        assertThat(ProblemResponses.problem(new NotAllowedException("GET")).status()).isEqualTo(405);
    }

    @Test
    void anUnexpectedFailureSaysNothingOfTheCode() {
        Problem problem = ProblemResponses.problem(new IllegalStateException("secret internals at Foo.java:12"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret").doesNotContain("Exception");
    }

    @Test
    void theResponseIsProblemJson() {
        Response response = new ProblemResponses().toResponse(new ConflictException("taken"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void extensionMembersStandBesideTheStandardOnes() throws Exception {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "sign-in-blocked", "Locked", 423, "wait", null)
                .with("lockedOut", true).with("lockedOut", false).with("retryIn", 30);

        assertThat(json.readTree(json.writeValueAsString(problem)).toString()).isEqualTo("{\"type\":\""
                + Problem.TYPE_PREFIX + "sign-in-blocked\",\"title\":\"Locked\",\"status\":423,\"detail\":\"wait\","
                + "\"lockedOut\":false,\"retryIn\":30}");
    }

    @Test
    void aDunningLevelWithoutCreditHoldHasNoneButADaysOfNullIsRefused() throws Exception {
        assertThat(json.readValue("{\"days\":7,\"fee\":5}", DunningLevel.class).creditHold()).isFalse();
        assertThat(json.readValue("{\"days\":7,\"creditHold\":null}", DunningLevel.class).creditHold()).isFalse();
        assertThat(json.readValue("{\"days\":7,\"creditHold\":true}", DunningLevel.class).creditHold()).isTrue();
        for (String refused : new String[] { "{\"days\":null}", "{\"days\":7,\"creditHold\":\"yes\"}",
                "{\"days\":7,\"creditHold\":\"true\"}", "{\"days\":7,\"creditHold\":1}" }) {
            Problem problem = ProblemResponses.problem(assertThrows(Exception.class,
                    () -> json.readValue(refused, DunningLevel.class)));
            assertThat(problem.status()).as(refused).isEqualTo(400);
            assertThat(problem.errors()).as(refused).extracting(FieldViolation::field)
                    .containsExactly(refused.contains("creditHold") ? "creditHold" : "days");
        }
    }

    private Problem problemReading(String body) {
        try {
            json.readValue(body, CustomerRequest.class);
        } catch (Exception e) {
            return ProblemResponses.problem(e);
        }
        throw new AssertionError("expected " + body + " to be refused");
    }
}
