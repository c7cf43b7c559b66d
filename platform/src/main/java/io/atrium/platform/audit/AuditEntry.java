package io.atrium.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded action.
 *
 * @param action  e.g. {@code item.created}, {@code item.updated}, {@code item.deleted}
 * @param subject what it concerned, e.g. {@code crm/contacts/65a1…}
 * @param changes for updates: field to {@code [old, new]}
 */
public record AuditEntry(Instant at, String actor, String action, String subject, Map<String, Object> changes) {
}
