package org.securebase.platform.events;

import java.util.regex.Pattern;

/**
 * Kafka topic names: {@code securebase.<service>.<stream>.v<n>}. The version is part of the name so an
 * incompatible change gets a new topic that old and new consumers can be moved to one at a time, instead of
 * a flag day.
 */
public final class Topics {

    /** content-service: {@code ArticlePublished} and {@code ArticleRetracted}, key = article id. */
    public static final String CONTENT_ARTICLES = "securebase.content.articles.v1";

    /** journal-service: assignment lifecycle events (ids and timestamps only), key = assignment id. */
    public static final String JOURNAL_ASSIGNMENTS = "securebase.journal.assignments.v1";

    /** account-service: accounts, roles and caseloads, key = account id. */
    public static final String ACCOUNTS = "securebase.accounts.v1";

    /**
     * account-service: who read which client's identity (admin listings and detail views, caseload reads), for the
     * access audit journal-service keeps; key = the client. Ids and a view name only.
     */
    public static final String ACCOUNT_READS = "securebase.accounts.reads.v1";

    /**
     * Whether the topic is compacted: Kafka keeps at least the newest record per key, which is all a consumer
     * rebuilding its view of each aggregate needs. The articles topic is; the others keep every event, because
     * their consumers apply them in sequence.
     */
    public static boolean isCompacted(String topic) {
        return CONTENT_ARTICLES.equals(requireValid(topic));
    }

    /** Every topic of the platform. */
    public static final java.util.List<String> ALL = java.util.List.of(CONTENT_ARTICLES, JOURNAL_ASSIGNMENTS, ACCOUNTS,
            ACCOUNT_READS);

    /** Appended to a topic's name to get the topic its consumers park poison records in. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Pattern NAME = Pattern.compile("securebase(\\.[a-z][a-z0-9-]*){1,2}\\.v[1-9][0-9]*");

    private Topics() {
    }

    /**
     * The dead-letter topic of {@code topic}. Each consuming service writes its own poison records there
     * with the original key and value, so nothing is lost and the main topic keeps flowing.
     */
    public static String deadLetterOf(String topic) {
        return requireValid(topic) + DEAD_LETTER_SUFFIX;
    }

    /** Returns {@code topic} if it follows the naming scheme, else throws. */
    public static String requireValid(String topic) {
        if (topic == null || !NAME.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a Secure Base topic name (securebase.<service>.<stream>.v<n>): " + topic);
        }
        return topic;
    }
}
