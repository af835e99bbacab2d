/** The reading library: published articles with search, and one article to read. */
package org.securebase.portal.library;
