package org.securebase.journal.measure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the measure endpoints take and answer. Records with answers or scores print none of them in toString. */
final class MeasureViews {

    private MeasureViews() {
    }

    /** Assign {@code instrument} (a code, {@code phq-9}) to a client: once (everyWeeks null) or every 1, 2 or 4 weeks. */
    record ScheduleRequest(UUID clientId, String instrument, Integer everyWeeks) {
    }

    record ScheduleView(UUID id, UUID clientId, String instrument, String title, Integer everyWeeks, Instant createdAt,
                        Instant nextDueAt, Instant endedAt) {

        static ScheduleView of(MeasureSchedule schedule, Instruments instruments) {
            return new ScheduleView(schedule.id(), schedule.clientId(), schedule.instrument(),
                    instruments.byKey(schedule.instrument()).map(InstrumentDefinition::title).orElse(schedule.instrument()),
                    schedule.everyWeeks(), schedule.createdAt(), schedule.nextDueAt(), schedule.endedAt());
        }
    }

    /** One answer: the option's value, or null to clear the item. */
    record AnswerRequest(Integer value) {

        @Override
        public String toString() {
            return "AnswerRequest[redacted]";
        }
    }

    /**
     * The score of a submitted instance and how it compares with the client's earlier results of the instrument.
     *
     * @param reliableChange IMPROVED, DETERIORATED or NONE against the first result (docs/measures.md)
     */
    record ResultView(int total, int maximum, String band, String bandLabel, Integer changeSinceFirst,
                      Integer changeSincePrevious, Scoring.ReliableChange reliableChange, boolean response) {

        @Override
        public String toString() {
            return "ResultView[redacted]";
        }
    }

    /**
     * An instance with its answers and, once submitted, its result.
     *
     * @param needsAttention the result needs the therapist's attention and has not been acknowledged
     */
    record InstanceView(UUID id, UUID scheduleId, UUID clientId, String instrument, String title, String status,
                        Instant dueAt, Instant submittedAt, Map<Integer, Integer> answers, ResultView result,
                        boolean needsAttention, Instant attentionAt, Instant acknowledgedAt, UUID acknowledgedBy) {

        @Override
        public String toString() {
            return "InstanceView[id=" + id + ", status=" + status + "]";
        }
    }

    /** What the client sees right after submitting; {@code crisisText} only when the result needs attention. */
    record SubmittedView(InstanceView instance, String crisisText) {
    }

    /** A line of the therapist's list of results that need attention. */
    record AttentionItem(UUID id, UUID clientId, String instrument, String title, Instant submittedAt,
                         Instant attentionAt) {
    }

    /** An instrument as the portal draws it: the stem, the items and the shared options. */
    record InstrumentView(String key, String code, int version, String title, String stem, String copyright,
                          List<InstrumentDefinition.Option> options, List<ItemView> items,
                          List<InstrumentDefinition.Band> bands) {

        record ItemView(int number, String text) {
        }

        static InstrumentView of(InstrumentDefinition definition) {
            return new InstrumentView(definition.key(), definition.code(), definition.version(), definition.title(),
                    definition.stem(), definition.copyright(), definition.options(),
                    definition.items().stream().map(item -> new ItemView(item.number(), item.text())).toList(),
                    definition.bands());
        }
    }
}
