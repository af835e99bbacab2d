package org.securebase.content.library;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Import and export of the library as Markdown files with front matter (authors only: {@link LibrarySecurityRules}). */
@RestController
@RequestMapping(LibraryController.BASE)
@Tag(name = "Library import and export")
class LibraryController {

    static final String BASE = "/api/content/library";
    static final String IMPORT = BASE + "/import";
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final LibraryImport importer;
    private final LibraryExport exporter;
    private final Clock clock;

    LibraryController(LibraryImport importer, LibraryExport exporter, Clock clock) {
        this.importer = importer;
        this.exporter = exporter;
        this.clock = clock;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import library files (therapists, admins)",
            description = "Parts named 'files': Markdown files (.md) with front matter, or zips of them such as an "
                    + "export. All or nothing: if any file has a problem, nothing is imported and the 400 lists every "
                    + "file's problem in 'errors' (field: the file, message: what is wrong, with the line). Articles "
                    + "are drafts unless a file says 'status: published'. Each file at most "
                    + ContentLimits.IMPORT_FILE_BYTES + " bytes, at most "
                    + ContentLimits.IMPORT_FILES + " files, the request at most "
                    + ContentLimits.IMPORT_REQUEST_BYTES + " bytes (413).")
    ResponseEntity<ImportResult> importFiles(@RequestPart("files") List<MultipartFile> files,
                                             @Parameter(hidden = true) Caller caller) {
        ImportResult result = importer.importFiles(Uploads.of(files), caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    @GetMapping(path = "/export", produces = "application/zip")
    @Operation(summary = "The library as a zip of Markdown files (therapists, admins)",
            description = "One <slug>.md per published article and draft, in the import's format; importing it into "
                    + "an empty library gives the same articles.")
    ResponseEntity<byte[]> export(@Parameter(hidden = true) Caller caller) {
        String name = "library-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".zip";
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(exporter.zip(caller));
    }
}
