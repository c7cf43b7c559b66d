/**
 * The REST API under {@code /api/v1}: apps (drafts, publishing, versions), items, personal API
 * tokens. Clients authenticate with {@code Authorization: Bearer <token>}; errors are RFC 9457
 * problem details.
 */
package io.atrium.runtime.api;
