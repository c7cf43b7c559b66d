package io.atrium.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded action.
 *
 * @param id      {@code subject@version}
 * @param action  e.g. {@code item.created}, {@code item.updated}, {@code item.deleted}
 * @param subject what it concerned, e.g. {@code crm/contacts/65a1…}
 * @param version the subject's version after the action
 * @param changes for updates: field to {@code [old, new]}; for creation: the initial values
 */
public record AuditEntry(String id, Instant at, String actor, String action, String subject, long version,
        Map<String, Object> changes) {
}
