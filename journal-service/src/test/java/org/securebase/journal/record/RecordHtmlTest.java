package org.securebase.journal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.securebase.journal.entry.EntryViews;

/** The human-readable part: what a person wrote stays text, whatever it holds, and the PDF is laid out from it. */
class RecordHtmlTest {

    private static final Instant AT = Instant.parse("2026-12-07T21:30:00Z");

    private static ClientRecord recordWithEntry(String title, String body) {
        ClientRecord.Person client = new ClientRecord.Person(UUID.randomUUID(), "CLIENT", "Ana López");
        EntryViews.EntryView entry = new EntryViews.EntryView(UUID.randomUUID(), title, body, 3, null, false, null, AT,
                AT, 1);
        return new ClientRecord(ClientRecord.FORMAT, ClientRecord.FORMAT_VERSION, AT, client, client, "WHOLE_RECORD",
                List.of(), List.of(entry), List.of(), List.of());
    }

    @Test
    void markupIsEscapedAndCharactersXmlCannotHoldAreLeftOut() {
        assertThat(RecordHtml.text("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(RecordHtml.text("a\u0000b\u0007c\tnew\nline\uFFFE😊")).isEqualTo("abc\tnew\nline😊");
    }

    @Test
    void anEntryWithMarkupAndControlCharactersBecomesAPdfWithItsWords() throws IOException {
        ClientRecord record = recordWithEntry("<i>Sunday</i>", "Fear\u0000 & hope: ничего, καλημέρα");
        String html = RecordHtml.of(record, "en");
        assertThat(html).contains("&lt;i&gt;Sunday&lt;/i&gt;").doesNotContain("<i>Sunday").doesNotContain("\u0000")
                .contains("lang=\"en\"").contains("7 December 2026, 21:30 UTC");

        byte[] pdf = new RecordRendering().pdf(html);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("<i>Sunday</i>").contains("Fear & hope: ничего, καλημέρα");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Your record at Secure Base");
        }
    }

    @Test
    void theWordsFollowTheLanguageAskedForAndEnglishStandsInForAnyOther() {
        ClientRecord record = recordWithEntry("Domingo", "Llamé a mi hermana.");
        assertThat(RecordHtml.of(record, "es")).contains("Su expediente en Secure Base")
                .contains("7 de diciembre de 2026, 21:30 UTC").contains("No (privada)");
        assertThat(RecordHtml.of(record, "fr")).contains("Your record at Secure Base").contains("lang=\"en\"");
    }
}
