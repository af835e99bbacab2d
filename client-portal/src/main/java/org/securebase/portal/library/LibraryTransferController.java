package org.securebase.portal.library;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The library's "Import / export" page, for the authors content-service lets import and export (therapists and
 * admins). The form works without JavaScript; error-summary.js (on every page) only moves focus to the error summary. Whether the
 * files are good is content-service's decision: the page shows its answer, file by file.
 */
@Controller
@PreAuthorize("hasAnyRole('therapist', 'admin')")
class LibraryTransferController {

    static final String PAGE = "library/transfer";

    private final LibraryApi library;
    private final Clock clock;

    @Autowired
    LibraryTransferController(LibraryApi library) {
        // The export's file name only: the date it was taken, in UTC as content-service names it.
        this(library, Clock.systemUTC());
    }

    LibraryTransferController(LibraryApi library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    /** One line of the error summary: the file content-service named, and what is wrong with it. */
    record FileProblem(String file, String message) {
    }

    /** The import's limits, as content-service enforces them, for the hint beside the file input. */
    @ModelAttribute
    void importLimits(Model model) {
        model.addAttribute("importFiles", ContentLimits.IMPORT_FILES);
        model.addAttribute("importFileKilobytes", ContentLimits.IMPORT_FILE_BYTES / 1024);
    }

    @GetMapping("/library-transfer")
    String page(Model model) {
        model.addAttribute("fileProblems", List.of());
        return PAGE;
    }

    @PostMapping("/library-transfer")
    String importFiles(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                       RedirectAttributes redirect) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(file -> !file.isEmpty() || hasName(file)).toList();
        if (chosen.isEmpty()) {
            return refused(model, "library.transfer.error.none", null, List.of());
        }
        if (chosen.size() > ContentLimits.IMPORT_FILES) {
            return refused(model, "library.transfer.error.count", null, List.of());
        }
        List<Resource> uploads = chosen.stream().map(MultipartFile::getResource).toList();
        Sent<Transfer.Imported> sent = library.importFiles(uploads);
        if (sent.unavailable()) {
            return refused(model, "library.transfer.error.unavailable", null, List.of());
        }
        if (!sent.ok()) {
            List<FileProblem> problems = sent.violations().stream()
                    .map(violation -> new FileProblem(violation.field(), violation.message()))
                    .toList();
            return refused(model, "library.transfer.error.refused", sent.problem(), problems);
        }
        redirect.addFlashAttribute("notice", "library.transfer.imported");
        redirect.addFlashAttribute("imported", sent.value() == null ? List.of() : sent.value().imported());
        return "redirect:/library-transfer";
    }

    @GetMapping("/library-transfer/export")
    ResponseEntity<byte[]> export() {
        Fetched<Optional<byte[]>> zip = library.export();
        if (zip.unavailable() || zip.value().isEmpty()) {
            return ResponseEntity.status(zip.unavailable() ? 503 : 404).contentType(MediaType.TEXT_PLAIN)
                    .body(new byte[0]);
        }
        String name = "library-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip.value().get());
    }

    private static String refused(Model model, String error, String problem, List<FileProblem> problems) {
        model.addAttribute("importError", error);
        model.addAttribute("apiDetail", problem);
        model.addAttribute("fileProblems", problems);
        return PAGE;
    }

    // A file input left empty still sends one part, without a name and without bytes.
    private static boolean hasName(MultipartFile file) {
        return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }
}
