package org.securebase.journal.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.web.Cursors;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.GoneException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may ask for, follow and download which copy. A client asks for their own record; a therapist for the record of a
 * client on their current caseload; anyone else's record, and any record for an admin, is "not found". Only the person
 * who asked follows and downloads a copy. Admins list every request (ids and times, no content): the record of rights
 * requests.
 */
@Service
class RecordExports {

    private final RecordExportRepository repository;
    private final Caseloads caseloads;
    private final AccessAudit audit;
    private final ApplicationEventPublisher inProcess;
    private final RecordProperties properties;
    private final Clock clock;

    RecordExports(RecordExportRepository repository, Caseloads caseloads, AccessAudit audit,
                  ApplicationEventPublisher inProcess, RecordProperties properties, Clock clock) {
        this.properties = properties;
        this.repository = repository;
        this.caseloads = caseloads;
        this.audit = audit;
        this.inProcess = inProcess;
        this.clock = clock;
    }

    /** Stores the request and starts it once committed; a copy of the same record still being prepared is returned. */
    @Transactional
    RecordExport request(Caller caller, RecordViews.ExportRequest request) {
        UUID subject = request == null ? null : request.clientId();
        String language = request == null || request.language() == null ? "en" : request.language();
        if (!RecordExport.LANGUAGES.contains(language)) {
            throw BadRequestException.forField("language", "is one of " + String.join(", ", RecordExport.LANGUAGES));
        }
        switch (caller.role()) {
            case CLIENT -> {
                if (subject != null && !subject.equals(caller.id())) {
                    throw new NotFoundException();
                }
                subject = caller.id();
            }
            case THERAPIST -> {
                if (subject == null) {
                    throw BadRequestException.forField("clientId", "is required: whose record to export");
                }
                if (!caseloads.isCurrentTherapist(caller.id(), subject)) {
                    throw new NotFoundException();
                }
            }
            default -> throw new NotFoundException();
        }
        UUID whose = subject;
        Instant now = JournalTime.now(clock);
        return repository.preparing(caller.id(), whose, language, now.minus(properties.preparationTimeout()))
                .orElseGet(() -> {
            RecordExport export = new RecordExport(UUID.randomUUID(), whose, caller.id(), caller.role(), language,
                    RecordExport.Status.PREPARING, 0, null, now, null, null, null, null, 0, null);
            repository.insert(export);
            inProcess.publishEvent(new RecordExportRequested(export.id()));
            return export;
        });
    }

    @Transactional(readOnly = true)
    RecordExport read(Caller caller, UUID id) {
        return own(caller, id);
    }

    /** The caller's requests, newest first; an admin's list is everyone's, of one person when asked. */
    @Transactional(readOnly = true)
    Page<RecordExport> list(Caller caller, UUID subject, PageRequest page) {
        Cursors.TimeAndId after = page.cursor() == null ? null : Cursors.decodeTimeAndId(page.cursor());
        UUID requester = caller.is(Role.ADMIN) ? null : caller.id();
        return Page.of(repository.list(requester, subject, after, page.fetchSize()), page.limit(),
                export -> Cursors.encode(export.requestedAt(), export.id()));
    }

    /**
     * The archive of a ready copy, for the person who asked; the download is audited in the client's "Who has seen my
     * data", whoever took it. A copy still in preparation is a conflict; an expired link is gone.
     */
    @Transactional
    RecordViews.Archive download(Caller caller, UUID id) {
        RecordExport export = own(caller, id);
        Instant now = JournalTime.now(clock);
        switch (export.status()) {
            case PREPARING -> throw new ConflictException("The copy is still being prepared: try again when it is ready.");
            case FAILED -> throw new ConflictException("The copy could not be prepared: ask for a new one.");
            case EXPIRED -> throw expired(export);
            case READY -> {
                if (!export.expiresAt().isAfter(now)) {
                    throw expired(export);
                }
            }
            default -> throw new IllegalStateException("unknown status");
        }
        byte[] archive;
        try {
            archive = repository.takeArchive(export, now).orElseThrow(() -> expired(export));
        } catch (ClinicalCipher.CiphertextRejectedException unreadable) {
            // The key it was sealed with is gone (a key rotation retired it): as lost as an expired copy.
            throw new GoneException("This copy can no longer be opened: ask for a new one.");
        }
        audit.recordExport(caller, export.subjectId(), export.id());
        String day = LocalDate.ofInstant(export.readyAt(), ZoneOffset.UTC).toString();
        return new RecordViews.Archive("secure-base-record-" + day + ".zip", archive);
    }

    private static GoneException expired(RecordExport export) {
        return new GoneException("This copy's link expired" + (export.expiresAt() == null ? ""
                : " at " + export.expiresAt()) + ": ask for a new one.");
    }

    /**
     * The caller's own request. A therapist's copy is theirs only while the client is on their caseload: once the
     * client has left it, the copy is as not found as the client's other data.
     */
    private RecordExport own(Caller caller, UUID id) {
        return repository.find(id)
                .filter(export -> export.requestedBy().equals(caller.id()))
                .filter(export -> !export.forTherapist()
                        || caseloads.isCurrentTherapist(caller.id(), export.subjectId()))
                .orElseThrow(NotFoundException::new);
    }
}
