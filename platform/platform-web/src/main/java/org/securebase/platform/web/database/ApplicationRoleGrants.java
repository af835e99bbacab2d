package org.securebase.platform.web.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two database roles per service: the owner, which runs the migrations (Flyway's {@code spring.flyway.user}), and
 * the application role the service runs as ({@code spring.datasource.username}), which gets only data rights. After
 * every migration this gives the application role SELECT, INSERT, UPDATE and DELETE on every table, and on the
 * append-only tables ({@code securebase.database.append-only-tables}, e.g. the access audit) only SELECT and INSERT.
 * No DDL, no TRUNCATE, no trigger changes, no grants: the application role does not own anything, so it cannot give
 * itself a right back either, and the migration history is read-only to it.
 *
 * <p>Where no separate application role is configured (one role for both), nothing is granted and a warning says
 * that the database does not protect the audit from the service.
 */
public class ApplicationRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String applicationRole;
    private final List<String> appendOnlyTables;

    public ApplicationRoleGrants(String applicationRole, List<String> appendOnlyTables) {
        this.applicationRole = applicationRole == null ? "" : applicationRole.trim();
        this.appendOnlyTables = List.copyOf(appendOnlyTables);
        for (String name : this.appendOnlyTables) {
            requireIdentifier(name);
        }
        if (!this.applicationRole.isEmpty()) {
            requireIdentifier(this.applicationRole);
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            String owner = connection.getMetaData().getUserName();
            if (applicationRole.isEmpty() || applicationRole.equals(owner)) {
                log.warn("The service runs as the owner of its tables ({}): the database does not stop it from changing "
                        + "append-only rows. Set securebase.database.application-role to a role of its own.", owner);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("grant usage on schema public to " + applicationRole);
                statement.execute("revoke create on schema public from " + applicationRole);
                statement.execute("grant select, insert, update, delete on all tables in schema public to " + applicationRole);
                statement.execute("grant usage, select on all sequences in schema public to " + applicationRole);
                statement.execute("revoke truncate, references, trigger on all tables in schema public from " + applicationRole);
                statement.execute("revoke insert, update, delete on " + context.getConfiguration().getTable()
                        + " from " + applicationRole);
                for (String table : appendOnlyTables) {
                    statement.execute("revoke update, delete on " + table + " from " + applicationRole);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the application role its rights: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "securebase-application-role-grants";
    }

    private static String requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
        return name;
    }
}
