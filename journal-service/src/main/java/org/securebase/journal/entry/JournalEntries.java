package org.securebase.journal.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentParticipation;
import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.web.Cursors;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.journal.web.TextLimits;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.securebase.platform.web.problem.PreconditionFailedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal's rules. The caller's role is settled by the URL rules (only clients reach the owner operations,
 * only therapists the shared ones); ownership is settled here, and anything not the caller's is "not found".
 */
@Service
class JournalEntries {

    private final EntryRepository entries;
    private final Caseloads caseloads;
    private final AssignmentParticipation assignments;
    private final AccessAudit audit;
    private final Clock clock;

    JournalEntries(EntryRepository entries, Caseloads caseloads, AssignmentParticipation assignments, AccessAudit audit,
                   Clock clock) {
        this.entries = entries;
        this.caseloads = caseloads;
        this.assignments = assignments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    JournalEntry create(Caller client, EntryViews.EntryRequest request) {
        EntryContent content = validated(request);
        UUID assignmentId = validatedLink(client, request.assignmentId());
        Instant now = JournalTime.now(clock);
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), client.id(), content, assignmentId, null, null, now,
                now, 0);
        entries.insert(entry);
        return entry;
    }

    @Transactional(readOnly = true)
    JournalEntry readOwn(Caller client, UUID id) {
        return entries.findOwned(id, client.id(), false).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    Page<JournalEntry> listOwn(Caller client, PageRequest page) {
        Cursors.TimeAndId after = page.cursor() == null ? null : Cursors.decodeTimeAndId(page.cursor());
        return Page.of(entries.listOwn(client.id(), after, page.fetchSize()), page.limit(),
                entry -> Cursors.encode(entry.createdAt(), entry.id()));
    }

    /** Replaces title, body, mood and link. {@code expectedVersion} (from If-Match) is optional. */
    @Transactional
    JournalEntry update(Caller client, UUID id, EntryViews.EntryRequest request, Long expectedVersion) {
        JournalEntry current = entries.findOwned(id, client.id(), true).orElseThrow(NotFoundException::new);
        EntryContent content = validated(request);
        UUID assignmentId = validatedLink(client, request.assignmentId());
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException();
        }
        entries.update(id, client.id(), content, assignmentId, JournalTime.now(clock), current.version());
        return readOwn(client, id);
    }

    @Transactional
    void delete(Caller client, UUID id) {
        if (!entries.delete(id, client.id())) {
            throw new NotFoundException();
        }
    }

    /**
     * Shares the entry with the client's current therapist. Sharing again is harmless; an entry still shared with
     * a former therapist moves to the current one.
     */
    @Transactional
    JournalEntry share(Caller client, UUID id) {
        JournalEntry entry = entries.findOwned(id, client.id(), true).orElseThrow(NotFoundException::new);
        UUID therapist = caseloads.currentTherapistOf(client.id()).orElseThrow(() -> new ConflictException(
                "You have no therapist at the moment, so there is nobody to share this entry with."));
        if (!therapist.equals(entry.sharedWith())) {
            entries.setSharing(id, client.id(), therapist, JournalTime.now(clock));
        }
        return readOwn(client, id);
    }

    @Transactional
    JournalEntry unshare(Caller client, UUID id) {
        JournalEntry entry = entries.findOwned(id, client.id(), true).orElseThrow(NotFoundException::new);
        if (entry.isShared()) {
            entries.setSharing(id, client.id(), null, null);
        }
        return readOwn(client, id);
    }

    /** A shared entry, for the therapist it is shared with while the client is on their caseload; audited. */
    @Transactional
    JournalEntry readShared(Caller therapist, UUID id) {
        JournalEntry entry = entries.findSharedWith(id, therapist.id())
                .filter(found -> caseloads.isCurrentTherapist(therapist.id(), found.clientId()))
                .orElseThrow(NotFoundException::new);
        audit.recordRead(therapist, entry.clientId(), AuditedResource.JOURNAL_ENTRY, entry.id(), AuditAction.READ);
        return entry;
    }

    /** Entries the therapist's current clients shared with them (optionally one client's); each one listed is audited. */
    @Transactional
    Page<JournalEntry> listShared(Caller therapist, UUID clientFilter, PageRequest page) {
        Cursors.TimeAndId after = page.cursor() == null ? null : Cursors.decodeTimeAndId(page.cursor());
        List<UUID> clients = caseloads.allClientsOf(therapist.id());
        if (clientFilter != null) {
            clients = clients.contains(clientFilter) ? List.of(clientFilter) : List.of();
        }
        Page<JournalEntry> result = Page.of(entries.listSharedWith(therapist.id(), clients, after, page.fetchSize()),
                page.limit(), entry -> Cursors.encode(entry.sharedAt(), entry.id()));
        audit.recordListed(therapist, result.items().stream()
                .map(entry -> new AccessAudit.ReadItem(entry.clientId(), entry.id())).toList(),
                AuditedResource.JOURNAL_ENTRY);
        return result;
    }

    private static EntryContent validated(EntryViews.EntryRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        String title = TextLimits.required("title", request.title(), TextLimits.TITLE);
        String body = TextLimits.required("body", request.body(), TextLimits.ENTRY_BODY);
        if (request.mood() != null && (request.mood() < 1 || request.mood() > 5)) {
            throw BadRequestException.forField("mood", "must be between 1 and 5");
        }
        return new EntryContent(title, body, request.mood());
    }

    private UUID validatedLink(Caller client, UUID assignmentId) {
        if (assignmentId != null && !assignments.belongsToClient(assignmentId, client.id())) {
            throw BadRequestException.forField("assignmentId", "does not name one of your assignments");
        }
        return assignmentId;
    }
}
