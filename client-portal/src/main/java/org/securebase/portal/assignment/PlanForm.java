package org.securebase.portal.assignment;

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
 */
record PlanForm(
        @NotBlank(message = "plan.error.whenWhere.blank")
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.whenWhere.long") String whenWhere,
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.obstacle.long") String obstacle,
        @Size(max = JournalLimits.PLAN_PART, message = "plan.error.coping.long") String coping) {

    static final PlanForm EMPTY = new PlanForm("", "", "");

    PlanForm {
        whenWhere = FormText.trimmed(whenWhere);
        obstacle = FormText.trimmed(obstacle);
        coping = FormText.trimmed(coping);
    }

    static PlanForm of(Homework.Plan plan) {
        return plan == null ? EMPTY : new PlanForm(plan.whenWhere(), plan.obstacle(), plan.coping());
    }

    Homework.PlanRequest request() {
        return new Homework.PlanRequest(whenWhere, obstacle.isEmpty() ? null : obstacle, coping.isEmpty() ? null : coping);
    }

    @Override
    public String toString() {
        return "PlanForm[redacted]";
    }
}
