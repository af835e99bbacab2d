package org.securebase.portal.home;

import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.AccountLimits;

/** The admin's search of accounts by name, on the home page. */
record AccountSearch(@Size(max = AccountLimits.NAME_QUERY, message = "home.admin.search.long") String name) {

    AccountSearch {
        name = name == null ? "" : name.strip();
    }
}
