package org.securebase.account.reconciliation;

/** What one run did. {@code failed} accounts are tried again on the next run. */
public record ReconciliationReport(int checked, int adopted, int activated, int deactivated, int reactivated,
                                   int roleChanged, int deleted, int failed) {

    public boolean changedAnything() {
        return adopted + activated + deactivated + reactivated + roleChanged + deleted > 0;
    }
}
