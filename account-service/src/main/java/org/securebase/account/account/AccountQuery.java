package org.securebase.account.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.securebase.platform.security.Role;

import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the account list; every one optional, all combined with AND.
 *
 * @param role   exact role
 * @param status exact status
 * @param name   part of "first last", any case
 * @param email  part of the email, any case
 */
public record AccountQuery(Role role, AccountStatus status, String name, String email) {

    Specification<Account> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (role != null) {
                predicates.add(cb.equal(root.get("role"), role));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (name != null && !name.isBlank()) {
                var fullName = cb.lower(cb.concat(cb.concat(root.get("firstName"), " "), root.get("lastName")));
                predicates.add(cb.like(fullName, containsPattern(name), '\\'));
            }
            if (email != null && !email.isBlank()) {
                predicates.add(cb.like(cb.lower(root.get("email")), containsPattern(email), '\\'));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    // The search text is matched literally: % and _ typed by an admin are not wildcards.
    private static String containsPattern(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
