package org.securebase.content.library;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.securebase.content.article.ArticleAuthoring;
import org.securebase.content.article.ArticleContent;
import org.securebase.content.article.ArticleView;
import org.securebase.content.rendering.ArticleRenderer;
import org.securebase.content.rendering.MarkdownRejectedException;
import org.securebase.content.rendering.RenderedBody;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.FieldViolation;
import org.securebase.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a request's library files: all of them, or none.
 *
 * <p>Every file is checked before anything is written, so that one answer lists what is wrong with each file
 * (a 400 whose {@code errors} name the files), not only the first. The writes then run in this one transaction
 * through {@link ArticleAuthoring}; should one still fail (a change made meanwhile, an article already followed by
 * another in a series), the transaction rolls back the ones before it and the answer names that file.
 *
 * <p>Markdown is rendered and sanitized by the {@link ArticleRenderer} every article goes through: raw HTML such as
 * a script is defused exactly as in the editor, and Markdown the renderer refuses is reported for its file.
 */
@Service
public class LibraryImport {

    static final String REJECTED_DETAIL = "Nothing was imported: %d of %d files have problems. See 'errors'.";

    /** A name shown back to the caller as it is: letters, digits, spaces and a little punctuation. */
    private static final Pattern SHOWABLE_NAME = Pattern.compile("[\\p{L}\\p{N} ._()-]{1,120}");
    private static final Pattern SLUG = Pattern.compile(ContentLimits.SLUG_PATTERN);

    private final ArticleAuthoring authoring;
    private final ArticleRenderer renderer;

    LibraryImport(ArticleAuthoring authoring, ArticleRenderer renderer) {
        this.authoring = authoring;
        this.renderer = renderer;
    }

    private record Candidate(String file, String slug, LibraryArticle article) {
    }

    @Transactional
    public ImportResult importFiles(List<Upload> uploads, Caller author) {
        if (uploads.isEmpty()) {
            throw new BadRequestException("Choose at least one Markdown (.md) file to import.");
        }
        if (uploads.size() > ContentLimits.IMPORT_FILES) {
            throw new BadRequestException("An import may hold at most " + ContentLimits.IMPORT_FILES
                    + " files; this one holds " + uploads.size() + ". Import them in parts.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String file = shownName(upload.name(), i);
            if (!names.add(file)) {
                file = file + " (file " + (i + 1) + ")";
            }
            try {
                candidates.add(candidate(file, upload));
            } catch (LibraryFileRejectedException rejected) {
                errors.put(file, rejected.getMessage());
            }
        }
        checkAgainstEachOtherAndTheLibrary(candidates, errors);
        if (!errors.isEmpty()) {
            throw rejected(errors, uploads.size());
        }

        List<ImportResult.ImportedArticle> imported = new ArrayList<>();
        for (Candidate candidate : inSeriesOrder(candidates)) {
            imported.add(write(candidate, author));
        }
        List<String> order = candidates.stream().map(Candidate::file).toList();
        imported.sort((a, b) -> Integer.compare(order.indexOf(a.file()), order.indexOf(b.file())));
        return new ImportResult(List.copyOf(imported));
    }

    private Candidate candidate(String file, Upload upload) throws LibraryFileRejectedException {
        if (!upload.name().toLowerCase(Locale.ROOT).endsWith(".md")) {
            throw new LibraryFileRejectedException("is not a Markdown file: its name must end in .md");
        }
        if (!upload.wasRead() || upload.size() > ContentLimits.IMPORT_FILE_BYTES) {
            throw new LibraryFileRejectedException((upload.size() < 0 ? "is larger than " : "is " + upload.size()
                    + " bytes; ") + "a file may be at most " + ContentLimits.IMPORT_FILE_BYTES + " bytes ("
                    + ContentLimits.IMPORT_FILE_BYTES / 1024 + " KB)");
        }
        LibraryArticle article = LibraryFormat.read(utf8(upload.content()));
        String slug = article.slug() != null ? article.slug() : slugFromName(upload.name());
        RenderedBody rendered;
        try {
            rendered = renderer.render(article.markdown());
        } catch (MarkdownRejectedException rejected) {
            throw new LibraryFileRejectedException("the Markdown cannot be used: " + rejected.getMessage());
        }
        if (article.published() && rendered.isEmpty()) {
            throw new LibraryFileRejectedException("says 'status: published' but has no body to publish");
        }
        return new Candidate(file, slug, article);
    }

    private void checkAgainstEachOtherAndTheLibrary(List<Candidate> candidates, Map<String, String> errors) {
        Map<String, String> fileBySlug = new HashMap<>();
        Map<String, String> fileByNext = new HashMap<>();
        for (Candidate candidate : candidates) {
            String earlier = fileBySlug.putIfAbsent(candidate.slug(), candidate.file());
            if (earlier != null) {
                errors.putIfAbsent(candidate.file(), "has the slug '" + candidate.slug() + "', as " + earlier
                        + " in this import has; slugs must be unique");
            } else if (authoring.exists(candidate.slug())) {
                errors.putIfAbsent(candidate.file(), "an article with the slug '" + candidate.slug()
                        + "' is already in the library; give this one another slug");
            }
        }
        for (Candidate candidate : candidates) {
            String next = candidate.article().next();
            if (next == null) {
                continue;
            }
            int line = candidate.article().nextLine();
            String sameNext = fileByNext.putIfAbsent(next, candidate.file());
            if (sameNext != null) {
                errors.putIfAbsent(candidate.file(), "line " + line + ": '" + next + "' already follows " + sameNext
                        + " in this import; an article follows one other at most");
            } else if (next.equals(candidate.slug())) {
                errors.putIfAbsent(candidate.file(), "line " + line + ": an article cannot be next to itself");
            } else if (!fileBySlug.containsKey(next) && !authoring.exists(next)) {
                errors.putIfAbsent(candidate.file(), "line " + line + ": next names '" + next
                        + "', which is neither in this import nor in the library");
            }
        }
        Map<String, String> nextBySlug = new HashMap<>();
        candidates.forEach(candidate -> {
            if (candidate.article().next() != null) {
                nextBySlug.put(candidate.slug(), candidate.article().next());
            }
        });
        for (Candidate candidate : candidates) {
            Set<String> visited = new HashSet<>();
            String at = candidate.slug();
            while (at != null && visited.add(at)) {
                at = nextBySlug.get(at);
            }
            if (at != null && at.equals(candidate.slug())) {
                errors.putIfAbsent(candidate.file(), "line " + candidate.article().nextLine()
                        + ": the series comes back to this article; a series has a first and a last article");
            }
        }
    }

    /** Articles before the ones that name them as next, so that each next exists when it is named. */
    private static List<Candidate> inSeriesOrder(List<Candidate> candidates) {
        Map<String, Candidate> bySlug = new LinkedHashMap<>();
        candidates.forEach(candidate -> bySlug.put(candidate.slug(), candidate));
        List<Candidate> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Candidate candidate : candidates) {
            place(candidate, bySlug, placed, ordered);
        }
        return ordered;
    }

    private static void place(Candidate candidate, Map<String, Candidate> bySlug, Set<String> placed,
                              List<Candidate> ordered) {
        // Iterative: a series of a hundred files must not cost a hundred stack frames of recursion per file.
        List<Candidate> chain = new ArrayList<>();
        Candidate at = candidate;
        while (at != null && !placed.contains(at.slug())) {
            chain.add(at);
            placed.add(at.slug());
            at = at.article().next() == null ? null : bySlug.get(at.article().next());
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            ordered.add(chain.get(i));
        }
    }

    private ImportResult.ImportedArticle write(Candidate candidate, Caller author) {
        LibraryArticle article = candidate.article();
        ArticleContent content = new ArticleContent(article.title(), article.summary(), article.language(),
                article.markdown(), article.tags(), article.next());
        try {
            ArticleView view = authoring.create(candidate.slug(), content, author);
            if (article.published()) {
                view = authoring.publish(candidate.slug(), null, author);
            }
            return new ImportResult.ImportedArticle(candidate.file(), view.slug(), view.title(), view.status());
        } catch (ProblemException refused) {
            String why = refused instanceof BadRequestException badRequest && !badRequest.violations().isEmpty()
                    ? badRequest.violations().stream().map(FieldViolation::message).reduce((a, b) -> a + "; " + b)
                            .orElse(refused.detail())
                    : refused.detail();
            // Thrown out of this transaction, which rolls back every article written before this one.
            throw new BadRequestException("Nothing was imported: " + candidate.file()
                    + " could not be written. See 'errors'.", List.of(new FieldViolation(candidate.file(), why)));
        }
    }

    private static BadRequestException rejected(Map<String, String> errors, int files) {
        List<FieldViolation> violations = errors.entrySet().stream()
                .map(error -> new FieldViolation(error.getKey(), error.getValue()))
                .toList();
        return new BadRequestException(REJECTED_DETAIL.formatted(errors.size(), files), violations);
    }

    private static String utf8(byte[] bytes) throws LibraryFileRejectedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new LibraryFileRejectedException("is not UTF-8 text");
        }
    }

    /** The last part of the name (a folder upload sends paths), if it can be shown; else its place in the request. */
    static String shownName(String name, int index) {
        String base = baseName(name);
        return SHOWABLE_NAME.matcher(base).matches() ? base : "file " + (index + 1);
    }

    private static String baseName(String name) {
        String plain = name == null ? "" : name;
        int slash = Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\'));
        return plain.substring(slash + 1);
    }

    private static String slugFromName(String name) throws LibraryFileRejectedException {
        String base = baseName(name);
        String slug = base.substring(0, base.length() - ".md".length());
        if (slug.length() < ContentLimits.SLUG_MIN || slug.length() > ContentLimits.SLUG || !SLUG.matcher(slug).matches()) {
            throw new LibraryFileRejectedException("its name does not make a slug (lower-case words joined by hyphens, "
                    + "such as attachment-and-healing.md); rename it or add 'slug: ...' to its front matter");
        }
        return slug;
    }
}
