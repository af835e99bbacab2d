package org.securebase.portal.measure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What journal-service's measure endpoints answer, as far as the pages use it. */
public final class Measures {

    private Measures() {
    }

    public record Option(int value, String text) {
    }

    public record Item(int number, String text) {
    }

    public record Band(String code, String label, int min, int max) {
    }

    public record Instrument(String key, String code, String title, String stem, String copyright, List<Option> options,
                      List<Item> items, List<Band> bands) {
    }

    public record Result(int total, int maximum, String band, String bandLabel, Integer changeSinceFirst,
                  Integer changeSincePrevious, String reliableChange, boolean response) {

        @Override
        public String toString() {
            return "Result[redacted]";
        }
    }

    public record Instance(UUID id, UUID scheduleId, UUID clientId, String instrument, String title, String status,
                    Instant dueAt, Instant submittedAt, Map<Integer, Integer> answers, Result result,
                    boolean needsAttention, Instant acknowledgedAt) {

        public boolean open() {
            return "DUE".equals(status) || "IN_PROGRESS".equals(status);
        }

        public Integer answerTo(int item) {
            return answers == null ? null : answers.get(item);
        }

        @Override
        public String toString() {
            return "Instance[id=" + id + ", status=" + status + "]";
        }
    }

    public record Submitted(Instance instance, String crisisText) {
    }

    public record Attention(UUID id, UUID clientId, String instrument, String title, Instant submittedAt) {
    }

    public record AnswerRequest(Integer value) {
    }

    public record ScheduleRequest(UUID clientId, String instrument, Integer everyWeeks) {
    }

    public record Schedule(UUID id) {
    }
}
