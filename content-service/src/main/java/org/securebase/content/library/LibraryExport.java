package org.securebase.content.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.securebase.content.article.ArticleReading;
import org.securebase.content.article.ArticleStatus;
import org.securebase.content.article.ArticleView;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The library as a zip of library files, one {@code <slug>.md} per published article and draft, which
 * {@link LibraryImport} takes back as it is. A series link to an article not in the export (a retracted one) is left
 * out, so that the export always imports into an empty library.
 */
@Service
public class LibraryExport {

    private final ArticleReading reading;
    private final Clock clock;

    LibraryExport(ArticleReading reading, Clock clock) {
        this.reading = reading;
        this.clock = clock;
    }

    public byte[] zip(Caller author) {
        List<ArticleView> library = reading.library(author);
        Set<String> exported = library.stream().map(ArticleView::slug).collect(Collectors.toSet());
        FileTime now = FileTime.from(clock.instant());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ArticleView article : library) {
                ZipEntry entry = new ZipEntry(article.slug() + ".md");
                entry.setLastModifiedTime(now);
                zip.putNextEntry(entry);
                zip.write(LibraryFormat.write(fileOf(article, exported)).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            // Writing to memory: only a bug gets here.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static LibraryArticle fileOf(ArticleView article, Set<String> exported) {
        ArticleView.ArticleLink next = article.series() == null ? null : article.series().next();
        String nextSlug = next != null && exported.contains(next.slug()) ? next.slug() : null;
        return new LibraryArticle(article.slug(), article.title(), article.summary(), article.language(),
                article.tags(),
                article.status() == ArticleStatus.PUBLISHED, nextSlug, 0, article.markdown());
    }
}
