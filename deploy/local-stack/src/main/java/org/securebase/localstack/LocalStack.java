package org.securebase.localstack;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh} ends here: starts the whole platform, prints where to go and how to log in, and
 * stops everything it started on Ctrl-C.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println("""
                    Usage: ./run.sh [--reset]
                      --reset   delete the data folder first (databases, Keycloak, secrets) and start afresh
                    Environment: SECUREBASE_DATA_DIR, SECUREBASE_DEMO_PASSWORD, SECUREBASE_*_PORT
                    (see README.md, "Configuration").""");
            return;
        }
        StackConfig config = StackConfig.fromEnvironment(System.getenv(), args);
        long began = System.nanoTime();
        SecureBaseStack stack = SecureBaseStack.start(config);
        printBanner(stack, (System.nanoTime() - began) / 1_000_000_000.0);
        // The stack's shutdown hook stops everything on Ctrl-C; until then there is nothing to do.
        new CountDownLatch(1).await();
    }

    private static void printBanner(SecureBaseStack stack, double seconds) {
        StringBuilder banner = new StringBuilder();
        banner.append("\n==============================================================\n");
        banner.append(String.format(" Secure Base is up (%.0f s): %s%n%n", seconds, stack.publicUrl()));
        banner.append(" Demo logins (password: ").append(stack.demoPassword()).append(")\n");
        for (String login : SecureBaseStack.DEMO_LOGINS) {
            banner.append("   ").append(login).append('\n');
        }
        if (stack.config().demoStory()) {
            banner.append("   (the client has homework on the seed article, the therapist's feedback on a first\n")
                    .append("    reflection and a shared journal entry; ./run.sh --reset starts the story afresh)\n");
        }
        banner.append("\n Mail sent by the platform: ").append(stack.mail().viewerUrl()).append('\n');
        banner.append(" Kafka: ").append(stack.kafkaBootstrapServers()).append('\n');
        banner.append(" Data and logs: ").append(stack.config().dataDirectory()).append('\n');
        banner.append(" Start-up times: ");
        for (Map.Entry<String, java.time.Duration> entry : stack.startupTimes().entrySet()) {
            banner.append(entry.getKey()).append(' ').append(entry.getValue().toSeconds()).append(" s; ");
        }
        banner.append("\n Press Ctrl-C to stop everything.\n");
        banner.append("==============================================================\n");
        System.out.println(banner);
    }
}
