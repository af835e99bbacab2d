package org.securebase.journal.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Component;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record into its archive: {@code record.json} and the schema it follows, {@code record.html}, and
 * {@code record.pdf} laid out from the same XHTML by openhtmltopdf, with DejaVu Sans embedded so that any Latin, Greek
 * or Cyrillic text prints as written. Everything happens in memory: nothing of a record touches the disk.
 */
@Component
class RecordRendering {

    static final String JSON = "record.json";
    static final String SCHEMA = "record.schema.json";
    static final String HTML = "record.html";
    static final String PDF = "record.pdf";
    static final String SCHEMA_RESOURCE = "record/client-record.schema.json";
    static final String FONT_FAMILY = "DejaVu Sans";

    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private final byte[] schema = resource(SCHEMA_RESOURCE);
    private final byte[] regular = resource("record/fonts/DejaVuSans.ttf");
    private final byte[] bold = resource("record/fonts/DejaVuSans-Bold.ttf");

    /** The ZIP of the four files; the words of the HTML and the PDF in {@code language}. */
    byte[] archive(ClientRecord record, String language) {
        String xhtml = RecordHtml.of(record, language);
        ByteArrayOutputStream zip = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            put(out, JSON, json.writeValueAsBytes(record));
            put(out, SCHEMA, schema);
            put(out, HTML, xhtml.getBytes(StandardCharsets.UTF_8));
            put(out, PDF, pdf(xhtml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /** A tagged PDF (PDF/UA): headings, lists and tables stay readable to a screen reader. */
    byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] resource(String path) {
        try (InputStream in = RecordRendering.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
