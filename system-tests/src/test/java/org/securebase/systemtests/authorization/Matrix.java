package org.securebase.systemtests.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends every rule's request as every caller, through the gateway and straight to the service, and judges each
 * answer. A denied answer is also compared with the answer for a ghost (the same request naming objects that do not
 * exist): if the two differ, the status tells an attacker whether an id exists.
 */
final class Matrix {

    enum Via {
        GATEWAY, DIRECT;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    enum Verdict { ALLOWED, DENIED, LEAK, WRONG_STATUS }

    /**
     * @param path      the path sent, with the ids in it
     * @param excusedBy the known exception that tolerates a leak or wrong status, else null
     */
    record Outcome(Rule rule, Caller caller, Via via, String path, int status, Verdict verdict, String why,
                   KnownException excusedBy) {

        boolean fails() {
            return (verdict == Verdict.LEAK || verdict == Verdict.WRONG_STATUS) && excusedBy == null;
        }

        Outcome excusedBy(KnownException exception) {
            return new Outcome(rule, caller, via, path, status, verdict, why, exception);
        }
    }

    private final StackAccess stack;
    private final Practice practice;
    private final People people;
    private final Http http = new Http();
    private final PracticeObjects ghosts = PracticeObjects.ghosts();

    Matrix(StackAccess stack, Practice practice) {
        this.stack = stack;
        this.practice = practice;
        this.people = practice.people();
    }

    /**
     * Destructive requests of allowed people go last, each on a fresh object, so that every denial before them was
     * tried on the owner's objects as they were made.
     */
    List<Outcome> run(List<Rule> rules, List<KnownException> knownExceptions) {
        List<Supplier<Outcome>> denialsAndHarmless = new ArrayList<>();
        List<Supplier<Outcome>> destructiveAllowed = new ArrayList<>();
        for (Rule rule : rules) {
            for (Caller caller : Caller.values()) {
                for (Via via : Via.values()) {
                    if (via == Via.GATEWAY && !rule.endpoint().service().routedByGateway(rule.endpoint().pathTemplate())) {
                        continue;
                    }
                    boolean onThrowaway = rule.destructive() && rule.accessOf(caller) == Access.ALLOWED;
                    (onThrowaway ? destructiveAllowed : denialsAndHarmless).add(() -> send(rule, caller, via, onThrowaway));
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Supplier<Outcome> request : concat(denialsAndHarmless, destructiveAllowed)) {
            Outcome outcome = request.get();
            outcomes.add(knownExceptions.stream().filter(known -> known.excuses(outcome)).findFirst()
                    .map(outcome::excusedBy).orElse(outcome));
        }
        return outcomes;
    }

    private Outcome send(Rule rule, Caller caller, Via via, boolean onThrowaway) {
        Map<String, String> pathValues = onThrowaway ? rule.throwawayTarget().apply(practice) : rule.pathValues().apply(practice);
        Http.Response response = request(rule, caller, via, practice, pathValues);
        String path = rule.pathWith(pathValues);
        Access expected = rule.accessOf(caller);
        if (response.status() >= 500) {
            return new Outcome(rule, caller, via, path, response.status(), Verdict.WRONG_STATUS, "server error", null);
        }
        if (expected == Access.ALLOWED) {
            if (!response.isSuccess()) {
                return new Outcome(rule, caller, via, path, response.status(), Verdict.WRONG_STATUS,
                        "an allowed request must succeed", null);
            }
            List<String> shown = practice.hiddenFrom(caller).stream().filter(response.body()::contains).sorted().toList();
            return shown.isEmpty()
                    ? new Outcome(rule, caller, via, path, response.status(), Verdict.ALLOWED, "", null)
                    : new Outcome(rule, caller, via, path, response.status(), Verdict.LEAK,
                    "the answer shows " + named(shown), null);
        }
        if (response.isSuccess()) {
            return new Outcome(rule, caller, via, path, response.status(), Verdict.LEAK,
                    "expected " + expected.status(), null);
        }
        if (response.status() != expected.status()) {
            return new Outcome(rule, caller, via, path, response.status(), Verdict.WRONG_STATUS,
                    "expected " + expected.status(), null);
        }
        if (!response.isProblemJson()) {
            return new Outcome(rule, caller, via, path, response.status(), Verdict.WRONG_STATUS,
                    "not problem+json but '" + response.contentType() + "'", null);
        }
        if (caller.isPerson() && rule.namesObjects()) {
            int forGhosts = request(rule, caller, via, ghosts, rule.pathValues().apply(ghosts)).status();
            if (forGhosts != response.status()) {
                return new Outcome(rule, caller, via, path, response.status(), Verdict.WRONG_STATUS,
                        "objects that do not exist get " + forGhosts + ": the status tells whether they exist", null);
            }
        }
        return new Outcome(rule, caller, via, path, response.status(), Verdict.DENIED, "", null);
    }

    private Http.Response request(Rule rule, Caller caller, Via via, PracticeObjects objects, Map<String, String> pathValues) {
        ApiService service = rule.endpoint().service();
        String base = via == Via.GATEWAY ? stack.gatewayUrl() : stack.serviceUrl(service);
        String query = rule.query() == null ? "" : "?" + rule.query().apply(objects);
        Object body = rule.body() == null ? null : rule.body().apply(objects);
        return http.send(rule.endpoint().method(), base + rule.pathWith(pathValues) + query,
                people.tokenFor(caller, rule), body, rule.headers().apply(objects));
    }

    private String named(List<String> secrets) {
        Map<String, String> names = practice.objectNames();
        return secrets.stream().map(secret -> names.getOrDefault(secret, secret)).toList().toString();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** Counts per verdict, known exceptions included (they are wrong, only tolerated). */
    record Summary(int endpoints, int requests, long allowed, long denied, long leaks, long wrongStatus) {

        static Summary of(Set<Endpoint> endpoints, List<Outcome> outcomes) {
            return new Summary(endpoints.size(), outcomes.size(), count(outcomes, Verdict.ALLOWED),
                    count(outcomes, Verdict.DENIED), count(outcomes, Verdict.LEAK), count(outcomes, Verdict.WRONG_STATUS));
        }

        private static long count(List<Outcome> outcomes, Verdict verdict) {
            return outcomes.stream().filter(outcome -> outcome.verdict() == verdict).count();
        }

        @Override
        public String toString() {
            return "authorization matrix: endpoints=" + endpoints + " requests=" + requests + " allowed=" + allowed
                    + " denied=" + denied + " leaks=" + leaks + " wrong-status=" + wrongStatus;
        }
    }

    /** One line per request, readable without the database: ids replaced by what they are. */
    String describe(Outcome outcome) {
        String path = outcome.path();
        for (Map.Entry<String, String> name : practice.objectNames().entrySet()) {
            path = path.replace(name.getKey(), "<" + name.getValue() + ">");
        }
        return String.format("%-12s %s as %s via %s: %d (%s) -- sent %s %s", outcome.verdict(), outcome.rule(),
                outcome.caller(), outcome.via(), outcome.status(), outcome.why(), outcome.rule().endpoint().method(), path);
    }
}
