package org.securebase.journal.record;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/journal/record-exports")
@Tag(name = "Records")
class RecordExportController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final RecordExports exports;

    RecordExportController(RecordExports exports) {
        this.exports = exports;
    }

    @PostMapping
    @Operation(summary = "Ask for a copy of a record, prepared in the background: a client's own (clientId may be left "
            + "out), or a therapist's of one client of their caseload; anyone else's, and any for an admin, is not found")
    ResponseEntity<RecordViews.ExportView> request(Caller caller,
                                                   @RequestBody(required = false) RecordViews.ExportRequest request) {
        RecordExport export = exports.request(caller, request);
        return ResponseEntity.accepted().location(URI.create("/api/journal/record-exports/" + export.id()))
                .body(RecordViews.ExportView.of(export));
    }

    @GetMapping
    @Operation(summary = "The caller's requests for copies, newest first; an admin gets every request (no content), "
            + "optionally of one client")
    Page<RecordViews.ExportView> list(Caller caller, @RequestParam(required = false) UUID subject,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer limit) {
        return exports.list(caller, subject, PageRequest.of(cursor, limit)).map(RecordViews.ExportView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request and its progress (the person who asked)")
    RecordViews.ExportView get(Caller caller, @PathVariable UUID id) {
        return RecordViews.ExportView.of(exports.read(caller, id));
    }

    @GetMapping(path = "/{id}/archive", produces = "application/zip")
    @Operation(summary = "Download a ready copy as a ZIP archive (record.json with its schema, record.html, record.pdf); "
            + "the person who asked, until the link expires (410 after); audited")
    ResponseEntity<byte[]> archive(Caller caller, @PathVariable UUID id) {
        RecordViews.Archive archive = exports.download(caller, id);
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(archive.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(archive.bytes());
    }
}
