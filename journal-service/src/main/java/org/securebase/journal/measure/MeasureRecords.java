package org.securebase.journal.measure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ObjectNode;

/** A client's questionnaires for their record (the record feature; audited there as an export). */
@Component
public class MeasureRecords {

    private final MeasureRepository repository;
    private final Measures measures;

    MeasureRecords(MeasureRepository repository, Measures measures) {
        this.repository = repository;
        this.measures = measures;
    }

    /** One questionnaire item with its wording and the answer given (null when not answered). */
    public record ItemAnswer(int number, String text, Integer value, String answerText) {

        @Override
        public String toString() {
            return "ItemAnswer[number=" + number + "]";
        }
    }

    /**
     * A questionnaire as the client answered it; {@code total}, {@code maximum} and {@code band} once submitted, and
     * then also the FHIR R4 QuestionnaireResponse of it.
     */
    public record RecordedMeasure(UUID id, String instrument, String title, String status, Instant dueAt,
                                  Instant submittedAt, List<ItemAnswer> items, Integer total, Integer maximum,
                                  String band, ObjectNode fhirQuestionnaireResponse) {

        @Override
        public String toString() {
            return "RecordedMeasure[id=" + id + ", status=" + status + "]";
        }
    }

    /** Every questionnaire of the client that was not replaced unanswered, oldest due first (one therapist's only). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RecordedMeasure> of(UUID clientId, UUID therapistOnly) {
        return repository.everyOf(clientId, therapistOnly).stream().map(this::recorded).toList();
    }

    private RecordedMeasure recorded(MeasureInstance instance) {
        InstrumentDefinition definition = measures.definitionOf(instance);
        MeasureViews.InstanceView view = measures.view(instance);
        List<ItemAnswer> items = definition.items().stream()
                .map(item -> {
                    Integer value = instance.answers().get(item.number());
                    String answerText = value == null ? null
                            : definition.option(value).map(InstrumentDefinition.Option::text).orElse(null);
                    return new ItemAnswer(item.number(), item.text(), value, answerText);
                })
                .toList();
        boolean submitted = instance.status() == MeasureInstance.Status.SUBMITTED && view.result() != null;
        return new RecordedMeasure(instance.id(), instance.instrument(), definition.title(), instance.status().name(),
                instance.dueAt(), instance.submittedAt(), items,
                submitted ? view.result().total() : null, submitted ? view.result().maximum() : null,
                submitted ? view.result().bandLabel() : null,
                submitted ? measures.questionnaireResponseOf(instance) : null);
    }
}
