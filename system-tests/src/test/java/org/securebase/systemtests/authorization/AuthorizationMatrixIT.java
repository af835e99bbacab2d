package org.securebase.systemtests.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.systemtests.RunningStack;

/**
 * docs/architecture.md's "Authorization", enforced end to end: every endpoint the three APIs document, called by the owner client, another
 * client, their therapist, another therapist, the admin, and with no token, a forged token and a token for another
 * audience; each request once through the gateway and once straight to the service, since a service must never rely
 * on the gateway. A success for someone the rules deny is a leak; someone else's object must look missing (404);
 * a bad token gets 401; nothing answers 500; every refusal is problem+json.
 *
 * <p>The endpoints come from the running services' OpenAPI documents, so one nobody gave a rule in
 * {@link AccessRules} fails the build, as does a rule for an endpoint that is gone.
 */
@ExtendWith(RunningStack.class)
class AuthorizationMatrixIT {

    @Test
    void everyEndpointAnswersEveryCallerAsTheDesignSays() {
        StackAccess stack = StackAccess.of(RunningStack.get());
        Set<Endpoint> documented = OpenApiDocuments.endpoints(stack);
        List<Rule> rules = AccessRules.table();
        Set<Endpoint> ruled = rules.stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));

        Instant started = Instant.now();
        Practice practice = Practice.setUp(stack);
        Instant practiceReady = Instant.now();
        Matrix matrix = new Matrix(stack, practice);
        List<KnownException> knownExceptions = KnownException.list();
        List<Matrix.Outcome> outcomes = matrix.run(rules.stream().filter(rule -> documented.contains(rule.endpoint())).toList(),
                knownExceptions);

        Matrix.Summary summary = Matrix.Summary.of(documented, outcomes);
        System.out.println(summary);
        System.out.printf("  (set-up %d s, matrix %d s)%n", Duration.between(started, practiceReady).toSeconds(),
                Duration.between(practiceReady, Instant.now()).toSeconds());
        knownExceptions.forEach(known -> System.out.printf("  tolerated in %d requests: %s%n",
                outcomes.stream().filter(outcome -> known.equals(outcome.excusedBy())).count(), known));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(documented.stream().filter(endpoint -> !ruled.contains(endpoint)).map(Endpoint::toString))
                .as("documented endpoints without a rule in AccessRules").isEmpty();
        softly.assertThat(ruled.stream().filter(endpoint -> !documented.contains(endpoint)).map(Endpoint::toString))
                .as("rules in AccessRules for endpoints no document lists").isEmpty();
        softly.assertThat(outcomes.stream().filter(Matrix.Outcome::fails).map(matrix::describe))
                .as("leaks and wrong statuses (%s)", summary).isEmpty();
        softly.assertThat(knownExceptions.stream()
                        .filter(known -> outcomes.stream().noneMatch(outcome -> known.equals(outcome.excusedBy())))
                        .map(KnownException::toString))
                .as("known exceptions that no longer happen: remove them from KnownException.list()").isEmpty();
        softly.assertAll();
        assertThat(summary.allowed()).as("allowed requests that succeeded; none would make the matrix vacuous")
                .isPositive();
    }
}
