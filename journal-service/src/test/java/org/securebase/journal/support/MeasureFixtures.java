package org.securebase.journal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;

/** Questionnaires made through the API as the demo therapist and client would, for tests of other features. */
public final class MeasureFixtures {

    private MeasureFixtures() {
    }

    /**
     * The demo therapist schedules PHQ-9 once for the demo client, who answers every item (odd items 1, even items 2,
     * item 9 "not at all": total 12) and submits it. Returns the instance's id.
     */
    public static String submittedPhq9(Api api) {
        Api.Response scheduled = api.post("/api/journal/measures/schedules", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "phq-9"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String schedule = scheduled.json().get("id").asString();
        String instance = StreamSupport.stream(api.get("/api/journal/measures", People.CLIENT.token()).json()
                        .spliterator(), false)
                .filter(node -> node.get("scheduleId").asString().equals(schedule))
                .map(node -> node.get("id").asString()).findFirst().orElseThrow();
        for (int item = 1; item <= 9; item++) {
            assertThat(api.put("/api/journal/measures/" + instance + "/answers/" + item, People.CLIENT.token(),
                    Map.of("value", item == 9 ? 0 : (item % 2 == 0 ? 2 : 1))).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/journal/measures/" + instance + "/submit", People.CLIENT.token(), Map.of()).status())
                .isEqualTo(200);
        return instance;
    }
}
