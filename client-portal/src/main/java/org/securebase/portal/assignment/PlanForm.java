package org.securebase.portal.assignment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.forms.FormText;

/**
 * The client's plan as typed (without the blanks around each text).
 *
 * @param whenWhere when and where they will do the homework
 * @param obstacle  what might get in the way, or empty
 * @param coping    what they will do then, or empty
 * @param remindAt  when to be reminded, as a {@code datetime-local} field sends it ({@code 2026-12-08T18:30}) in the
 *                  practice's time zone, or empty for the usual reminder time
 */
record PlanForm(
        @NotBlank(message = "plan.error.whenWhere.blank")
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.whenWhere.long") String whenWhere,
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.obstacle.long") String obstacle,
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.coping.long") String coping,
        @Size(max = 32, message = "plan.error.remindAt.unreadable") String remindAt) {

    static final PlanForm EMPTY = new PlanForm("", "", "", "");

    PlanForm {
        whenWhere = FormText.trimmed(whenWhere);
        obstacle = FormText.trimmed(obstacle);
        coping = FormText.trimmed(coping);
        remindAt = FormText.trimmed(remindAt);
    }

    static PlanForm of(Homework.Plan plan, ZoneId zone) {
        return plan == null ? EMPTY : new PlanForm(plan.whenWhere(), plan.obstacle(), plan.coping(),
                plan.remindAt() == null ? "" : LocalDateTime.ofInstant(plan.remindAt(), zone)
                        .truncatedTo(ChronoUnit.MINUTES).toString());
    }

    /**
     * The reminder time typed, in {@code zone}: empty when none was typed or when it cannot be read (then
     * {@link #remindAtUnreadable()} says so).
     */
    Optional<Instant> remindAtIn(ZoneId zone) {
        return remindAtTyped().map(local -> local.atZone(zone).toInstant());
    }

    boolean remindAtUnreadable() {
        return !remindAt.isEmpty() && remindAtTyped().isEmpty();
    }

    private Optional<LocalDateTime> remindAtTyped() {
        try {
            return remindAt.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(remindAt));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    Homework.PlanRequest request(Instant remindAtInstant) {
        return new Homework.PlanRequest(whenWhere, obstacle.isEmpty() ? null : obstacle, coping.isEmpty() ? null : coping,
                remindAtInstant);
    }

    @Override
    public String toString() {
        return "PlanForm[redacted]";
    }
}
