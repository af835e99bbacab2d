/**
 * HTTP concerns the features share: the OpenAPI document at {@code /api/content/v3/api-docs}. The request body
 * limit is platform-web's, sized in {@code application.yml} ({@code securebase.web.max-body-size}).
 */
package org.securebase.content.web;
