package org.securebase.content.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.web.problem.BadRequestException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of an import request: each uploaded {@code .md} file, and each file inside an uploaded {@code .zip} (an
 * export, say). A file over {@link ContentLimits#IMPORT_FILE_BYTES} is never read whole: an uploaded one is known
 * by its size (the container keeps it on disk), a zipped one is read to one byte past the limit, so a zip bomb costs
 * at most the limit per file and {@link ContentLimits#IMPORT_FILES} files.
 */
final class Uploads {

    private Uploads() {
    }

    static List<Upload> of(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                uploads.addAll(unzipped(file, name, uploads.size()));
            } else if (file.getSize() > ContentLimits.IMPORT_FILE_BYTES) {
                uploads.add(Upload.tooLarge(name, file.getSize()));
            } else {
                uploads.add(new Upload(name, file.getSize(), bytesOf(file)));
            }
            requireAtMostTheFileLimit(uploads.size());
        }
        return uploads;
    }

    private static List<Upload> unzipped(MultipartFile file, String zipName, int alreadyCounted) {
        List<Upload> uploads = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(file.getInputStream())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || isPlatformClutter(entry.getName())) {
                    continue;
                }
                byte[] content = zip.readNBytes(ContentLimits.IMPORT_FILE_BYTES + 1);
                uploads.add(content.length > ContentLimits.IMPORT_FILE_BYTES
                        ? Upload.tooLarge(entry.getName(), -1)
                        : new Upload(entry.getName(), content.length, content));
                requireAtMostTheFileLimit(alreadyCounted + uploads.size());
            }
        } catch (ZipException | IllegalArgumentException notAZip) {
            // IllegalArgumentException: an entry name that is not valid in the zip's encoding.
            throw new BadRequestException("The zip file " + LibraryImport.shownName(zipName, alreadyCounted)
                    + " cannot be read. Export the library again, or upload the Markdown files themselves.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uploads;
    }

    // What archivers add besides the files: macOS resource forks, hidden files.
    private static boolean isPlatformClutter(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".");
    }

    private static void requireAtMostTheFileLimit(int count) {
        if (count > ContentLimits.IMPORT_FILES) {
            throw new BadRequestException("An import may hold at most " + ContentLimits.IMPORT_FILES
                    + " files. Import them in parts.");
        }
    }

    private static byte[] bytesOf(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(ContentLimits.IMPORT_FILE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
