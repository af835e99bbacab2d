package org.securebase.account.rights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.securebase.account.account.IdentityReads;
import org.securebase.platform.contracts.AccountLimits;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.FieldViolation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closures, legal holds and retention. {@code POST /me/closure-request} is a client's own; the rest is
 * administration (URL rules in AccountServiceSecurity). Anyone but a client as the subject is a 404.
 */
@RestController
@RequestMapping("/api/accounts")
class RightsController {

    private final RightsRequests rights;
    private final Accounts accounts;
    private final IdentityReads identityReads;

    RightsController(RightsRequests rights, Accounts accounts, IdentityReads identityReads) {
        this.rights = rights;
        this.accounts = accounts;
        this.identityReads = identityReads;
    }

    /** The calling client asks the practice to close their account; asking again returns the same request. */
    @PostMapping("/me/closure-request")
    ClosureRequestView askToClose(Caller client) {
        Closure closure = rights.askToClose(client.id());
        return new ClosureRequestView(closure.id(), closure.requestedAt());
    }

    /** The calling client withdraws their waiting request; without one this changes nothing. */
    @DeleteMapping("/me/closure-request")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(Caller client) {
        rights.withdrawClosure(client.id());
    }

    /** Closes a client's account (deactivation, recorded as a closure); closing it again changes nothing. */
    @PostMapping("/{id}/closure")
    RetentionView close(@PathVariable UUID id, Caller admin) {
        return view(id, rights.close(id, admin.id()), admin);
    }

    /**
     * Erases a closed client whose retention period is over and who has no hold in force: 409 otherwise, with
     * nothing changed. Erasing again returns the same erasure.
     */
    @PostMapping("/{id}/erasure")
    ErasureView erase(@PathVariable UUID id, Caller admin) {
        return ErasureView.of(rights.erase(id, admin.id()));
    }

    @GetMapping("/{id}/retention")
    RetentionView retention(@PathVariable UUID id, Caller admin) {
        return view(id, rights.standing(id), admin);
    }

    /** The standing with whose it is: the page where an admin closes an account names the account it acts on. */
    private RetentionView view(UUID id, RetentionStanding standing, Caller admin) {
        AccountSnapshot account = accounts.get(id);
        identityReads.opened(admin, account, IdentityReads.View.RIGHTS_REQUESTS);
        return RetentionView.of(id, account, standing, rights.closureAskedAt(id).orElse(null),
                rights.erasureOf(id).map(Erasure::erasedAt).orElse(null));
    }

    @PostMapping("/{id}/legal-holds")
    @ResponseStatus(HttpStatus.CREATED)
    HoldView placeHold(@PathVariable UUID id, @RequestBody HoldRequest request, Caller admin) {
        String reason = request.reason() == null ? "" : request.reason().replace('\u00A0', ' ').strip();
        if (reason.isEmpty() || reason.length() > AccountLimits.HOLD_REASON) {
            throw new BadRequestException("The request has invalid fields.", List.of(new FieldViolation("reason",
                    "must be 1 to " + AccountLimits.HOLD_REASON + " characters: the matter the hold is for")));
        }
        // A reference is one line of plain text: PostgreSQL refuses NUL outright, and control or format characters
        // (a right-to-left override, a zero-width space) would hide or garble what the admins' pages show.
        if (reason.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new BadRequestException("The request has invalid fields.", List.of(new FieldViolation("reason",
                    "must be one line of text, without control or invisible formatting characters")));
        }
        return HoldView.of(rights.placeHold(id, admin.id(), reason));
    }

    @PostMapping("/{id}/legal-holds/{holdId}/lifting")
    HoldView liftHold(@PathVariable UUID id, @PathVariable UUID holdId, Caller admin) {
        return HoldView.of(rights.liftHold(id, holdId, admin.id()));
    }

    /**
     * Every closure, legal hold and erasure, newest first (waiting closures and holds in force before the rest), with the
     * names of the people involved. Exports of a record are listed by journal-service.
     */
    @GetMapping("/rights-requests")
    List<RightsRequestView> recent(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, Caller admin) {
        List<Closure> closures = rights.recentClosures(limit);
        List<LegalHold> holds = rights.recentHolds(limit);
        List<Erasure> erasures = rights.recentErasures(limit);
        Set<UUID> people = new HashSet<>();
        erasures.forEach(e -> {
            people.add(e.subjectId());
            people.add(e.erasedBy());
        });
        closures.forEach(c -> {
            people.add(c.subjectId());
            people.add(c.requestedBy());
            if (c.closedBy() != null) {
                people.add(c.closedBy());
            }
        });
        holds.forEach(h -> {
            people.add(h.subjectId());
            people.add(h.placedBy());
            if (h.liftedBy() != null) {
                people.add(h.liftedBy());
            }
        });
        Map<UUID, AccountSnapshot> named = accounts.findAll(people);
        List<RightsRequestView> views = new ArrayList<>();
        closures.forEach(c -> views.add(new RightsRequestView(c.id(), "closure", c.subjectId(), name(named, c.subjectId()),
                c.requestedBy(), name(named, c.requestedBy()), c.requestedAt(), c.closedBy(), name(named, c.closedBy()),
                c.closedAt(), c.withdrawnAt(), null)));
        holds.forEach(h -> views.add(new RightsRequestView(h.id(), "legal-hold", h.subjectId(), name(named, h.subjectId()),
                h.placedBy(), name(named, h.placedBy()), h.placedAt(), h.liftedBy(), name(named, h.liftedBy()),
                h.liftedAt(), null, h.reason())));
        erasures.forEach(e -> views.add(new RightsRequestView(e.id(), "erasure", e.subjectId(), name(named, e.subjectId()),
                e.erasedBy(), name(named, e.erasedBy()), e.erasedAt(), e.erasedBy(), name(named, e.erasedBy()),
                e.erasedAt(), null, null)));
        views.sort(Comparator.comparing((RightsRequestView v) -> v.doneAt() != null || v.withdrawnAt() != null)
                .thenComparing(RightsRequestView::requestedAt, Comparator.reverseOrder()));
        List<RightsRequestView> shown = views.subList(0, Math.min(limit, views.size()));
        identityReads.listed(admin, shown.stream().map(RightsRequestView::subjectId).distinct()
                .map(named::get).filter(java.util.Objects::nonNull).toList(), IdentityReads.View.RIGHTS_REQUESTS);
        return List.copyOf(shown);
    }

    private static String name(Map<UUID, AccountSnapshot> named, UUID id) {
        if (id == null) {
            return null;
        }
        AccountSnapshot account = named.get(id);
        return account == null ? null : account.displayName();
    }

    record HoldRequest(String reason) {
    }

    record ClosureRequestView(UUID id, Instant requestedAt) {
    }

    record HoldView(UUID id, String reason, UUID placedBy, Instant placedAt, UUID liftedBy, Instant liftedAt,
                    boolean inForce) {
        static HoldView of(LegalHold hold) {
            return new HoldView(hold.id(), hold.reason(), hold.placedBy(), hold.placedAt(), hold.liftedBy(),
                    hold.liftedAt(), hold.inForce());
        }
    }

    /**
     * @param displayName    the client's name, so that whoever acts on this standing sees whose it is
     * @param closureAskedAt when the client asked to close the account, while that request waits; else null
     * @param keepUntil      the end of the retention period; null while the account is open
     * @param erasable       closed, past the retention period, no hold in force, and not erased yet
     * @param erasedAt       when the person was erased; null until then
     */
    record RetentionView(UUID subjectId, String displayName, String email, String status, Instant closureAskedAt,
                         Instant closedAt, int retentionYears, Instant keepUntil, boolean onHold, boolean erasable,
                         Instant erasedAt, List<HoldView> holds) {
        static RetentionView of(UUID subject, AccountSnapshot account, RetentionStanding standing,
                                Instant closureAskedAt, Instant erasedAt) {
            return new RetentionView(subject, account.displayName(), account.email(),
                    account.status().name().toLowerCase(java.util.Locale.ROOT), closureAskedAt, standing.closedAt(),
                    standing.retentionYears(), standing.keepUntil(), standing.onHold(),
                    standing.erasable() && erasedAt == null, erasedAt, standing.holds().stream().map(HoldView::of).toList());
        }
    }

    record ErasureView(UUID id, UUID subjectId, UUID erasedBy, Instant erasedAt) {
        static ErasureView of(Erasure erasure) {
            return new ErasureView(erasure.id(), erasure.subjectId(), erasure.erasedBy(), erasure.erasedAt());
        }
    }

    /**
     * One right exercised or one hold. For a closure, requested is the ask (the client's, or the admin's when they
     * closed it directly) and done is the closure; for a legal hold, requested is its placing and done its lifting.
     *
     * @param kind        {@code closure}, {@code legal-hold} or {@code erasure} (requested and done at once)
     * @param withdrawnAt when the client withdrew their request to close; null otherwise (and for a hold)
     * @param reason      a hold's reference; null for a closure
     */
    record RightsRequestView(UUID id, String kind, UUID subjectId, String subjectName, UUID requestedBy,
                             String requestedByName, Instant requestedAt, UUID doneBy, String doneByName,
                             Instant doneAt, Instant withdrawnAt, String reason) {
    }
}
