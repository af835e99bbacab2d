package org.securebase.journal.audit;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/journal/audit")
@Tag(name = "Access audit")
class AuditController {

    private final AuditLog log;
    private final AuditExport export;

    AuditController(AuditLog log, AuditExport export) {
        this.log = log;
        this.export = export;
    }

    /** The whole audit, or one client's or one reader's, as CSV (admins). The download is itself audited. */
    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "The access audit as CSV, oldest first; the export is recorded in the audit")
    void export(Caller admin, @RequestParam(required = false) UUID actor, @RequestParam(required = false) UUID subject,
                HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"access-audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        export.export(admin, subject, actor, response.getWriter());
    }

    /**
     * A client gets every read of their own data by someone else; an admin gets all reads, optionally filtered
     * by actor and subject. Therapists have no access (URL rules answer 403).
     */
    @GetMapping
    @Operation(summary = "Reads of clinical data by someone other than its owner, newest first")
    Page<AuditRecord> list(Caller caller,
                           @RequestParam(required = false) UUID actor,
                           @RequestParam(required = false) UUID subject,
                           @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        if (caller.is(Role.ADMIN)) {
            return log.list(subject, actor, page);
        }
        if (subject != null && !subject.equals(caller.id())) {
            throw BadRequestException.forField("subject", "a client sees the reads of their own data only");
        }
        return log.list(caller.id(), actor, page);
    }
}
