package org.securebase.journal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.FieldViolation;

/**
 * A due date PostgreSQL cannot store must be refused as bad input before anything is written (it used to reach the
 * insert and answer 500). Validation runs before any collaborator is used, so none is needed here.
 */
class AssignmentDueDateTest {

    private final Assignments assignments = new Assignments(null, null, null, null, null, null, null,
            Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC));
    private final Caller therapist = new Caller(UUID.randomUUID(), Role.THERAPIST, "Thea Therapist");

    @Test
    void aDueDateBeyondTheYear9999IsAFieldViolation() {
        AssignmentViews.CreateRequest farFuture = new AssignmentViews.CreateRequest(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new AssignmentViews.PromptRequest(PromptKind.TEXT, "What stayed with you?", null)), null,
                null, null, Instant.parse("+999999999-12-31T23:59:59Z"));

        assertThatThrownBy(() -> assignments.create(therapist, farFuture))
                .isInstanceOfSatisfying(BadRequestException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldViolation::field, FieldViolation::message)
                        .containsExactly(tuple("dueAt", "must be before the year 10000")));
    }
}
