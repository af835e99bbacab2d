/**
 * The database roles of a service: migrations as the owner, the service as an application role with data rights
 * only, append-only tables append-only for it ({@link org.securebase.platform.web.database.ApplicationRoleGrants}).
 */
package org.securebase.platform.web.database;
