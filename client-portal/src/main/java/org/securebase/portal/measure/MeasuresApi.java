package org.securebase.portal.measure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** journal-service's measures ({@code /api/journal/measures}): instruments, schedules, answering, attention. */
@Component
public class MeasuresApi {

    private final PlatformApi api;

    public MeasuresApi(PlatformApi api) {
        this.api = api;
    }

    public Fetched<List<Measures.Instrument>> instruments() {
        return api.get(uri -> uri.path("/api/journal/measures/instruments").build(), Measures.Instrument[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    public Fetched<Optional<Measures.Instrument>> instrument(String key) {
        return api.get(uri -> uri.path("/api/journal/measures/instruments/{key}").build(key), Measures.Instrument.class);
    }

    /** The signed-in client's measures, or (a therapist) one client's. */
    public Fetched<List<Measures.Instance>> list(Optional<UUID> client) {
        return api.get(uri -> {
            uri.path("/api/journal/measures");
            client.ifPresent(id -> uri.queryParam("client", id));
            return uri.build();
        }, Measures.Instance[].class).map(found -> found.map(List::of).orElse(List.of()));
    }

    public Fetched<Optional<Measures.Instance>> instance(UUID id) {
        return api.get(uri -> uri.path("/api/journal/measures/{id}").build(id), Measures.Instance.class);
    }

    public Sent<Measures.Instance> answer(UUID id, int item, int value) {
        return api.put(uri -> uri.path("/api/journal/measures/{id}/answers/{item}").build(id, item),
                new Measures.AnswerRequest(value), Measures.Instance.class);
    }

    public Sent<Measures.Submitted> submit(UUID id) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/journal/measures/{id}/submit").build(id), null,
                Measures.Submitted.class);
    }

    public Fetched<List<Measures.Attention>> attention() {
        return api.get(uri -> uri.path("/api/journal/measures/attention").build(), Measures.Attention[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    public Sent<Measures.Instance> acknowledge(UUID id) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/journal/measures/{id}/acknowledge").build(id), null,
                Measures.Instance.class);
    }

    public Sent<Measures.Schedule> assign(Measures.ScheduleRequest request) {
        return api.post(uri -> uri.path("/api/journal/measures/schedules").build(), request, Measures.Schedule.class);
    }
}
