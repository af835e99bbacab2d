package org.securebase.portal.program;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** journal-service's programs and enrolments. */
@Component
public class ProgramsApi {

    private final PlatformApi api;

    public ProgramsApi(PlatformApi api) {
        this.api = api;
    }

    public Fetched<List<Programs.Summary>> programs() {
        return api.get(uri -> uri.path("/api/journal/programs").build(), Programs.Summary[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    public Fetched<Optional<Programs.Program>> program(UUID id) {
        return api.get(uri -> uri.path("/api/journal/programs/{id}").build(id), Programs.Program.class);
    }

    public Sent<Programs.Program> create(Programs.CreateRequest program) {
        return api.post(uri -> uri.path("/api/journal/programs").build(), program, Programs.Program.class);
    }

    public Sent<Programs.Enrolment> enrol(UUID programId, Programs.EnrolRequest enrolment) {
        return api.post(uri -> uri.path("/api/journal/programs/{id}/enrolments").build(programId), enrolment,
                Programs.Enrolment.class);
    }

    /** The therapist's caseload's enrolments, newest first. */
    public Fetched<List<Programs.Enrolment>> enrolments() {
        return api.get(uri -> uri.path("/api/journal/program-enrolments").build(), Programs.Enrolment[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    /** {@code change}: pause, resume or end. */
    public Sent<Programs.Enrolment> change(UUID enrolmentId, String change) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/journal/program-enrolments/{id}/{change}")
                .build(enrolmentId, change), null, Programs.Enrolment.class);
    }
}
