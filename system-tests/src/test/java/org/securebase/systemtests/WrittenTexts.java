package org.securebase.systemtests;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the suites of this JVM wrote into clinical data (answers, feedback, journal entries, questions) and into
 * articles: texts that no notification mail may carry. The last suite, {@code EveryMailScanIT}, looks for each of them
 * in every mail the stack's mail server received.
 */
public final class WrittenTexts {

    private static final Set<String> TEXTS = ConcurrentHashMap.newKeySet();

    private WrittenTexts() {
    }

    /** Remembers texts a suite wrote; blank ones are ignored. */
    public static void wrote(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                TEXTS.add(text.strip());
            }
        }
    }

    public static Set<String> all() {
        return Set.copyOf(TEXTS);
    }
}
