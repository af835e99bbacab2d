package org.securebase.account.account;

import org.securebase.platform.contracts.AccountLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.FieldViolation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API over existing accounts. The URL rules (AccountServiceSecurity) let only admins in. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    // Stable order for paging: by name, and by id so equal names never swap between pages.
    private static final Sort ORDER = Sort.by("lastName", "firstName", "id");

    private final AccountAdministration administration;
    private final Accounts accounts;
    private final IdentityReads identityReads;

    AccountController(AccountAdministration administration, Accounts accounts, IdentityReads identityReads) {
        this.administration = administration;
        this.accounts = accounts;
        this.identityReads = identityReads;
    }

    /** Lists accounts, filtered by role, status, part of the name or of the email; paged, ordered by name. */
    @GetMapping
    PageView<AccountView> search(
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @Size(max = AccountLimits.NAME_QUERY) String name,
            @RequestParam(required = false) @Size(max = AccountLimits.EMAIL) String email,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller reader) {
        List<FieldViolation> violations = new ArrayList<>();
        Role roleFilter = null;
        if (role != null && !role.isBlank()) {
            roleFilter = ApiValues.role(role).orElse(null);
            if (roleFilter == null) {
                violations.add(new FieldViolation("role", "must be one of " + ApiValues.ROLE_WORDS));
            }
        }
        AccountStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            statusFilter = ApiValues.status(status).orElse(null);
            if (statusFilter == null) {
                violations.add(new FieldViolation("status", "must be one of " + ApiValues.STATUS_WORDS));
            }
        }
        if (!violations.isEmpty()) {
            throw new BadRequestException("The request has invalid fields.", violations);
        }
        Page<AccountSnapshot> found = administration.search(new AccountQuery(roleFilter, statusFilter, name, email),
                PageRequest.of(page, size, ORDER));
        identityReads.listed(reader, found.getContent(), IdentityReads.View.ACCOUNT_LIST);
        return PageView.of(found, AccountView::of);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable UUID id, Caller reader) {
        AccountSnapshot account = accounts.get(id);
        identityReads.opened(reader, account, IdentityReads.View.ACCOUNT);
        return AccountView.of(account);
    }

    /** Disables the person in Keycloak and ends all their sessions. Repeating it is harmless. */
    @PostMapping("/{id}/deactivation")
    AccountView deactivate(@PathVariable UUID id, Caller admin) {
        return AccountView.of(administration.deactivate(id, admin.id()));
    }

    /** Lets a deactivated person log in again. Repeating it is harmless. */
    @PostMapping("/{id}/reactivation")
    AccountView reactivate(@PathVariable UUID id) {
        return AccountView.of(administration.reactivate(id));
    }
}
