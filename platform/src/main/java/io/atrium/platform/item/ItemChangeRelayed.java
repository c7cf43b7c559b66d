package io.atrium.platform.item;

import io.atrium.platform.app.AppRef;
import java.util.List;
import java.util.Map;

/**
 * Reacts to item changes durably: called with each batch of changes the audit relay moves out of
 * the items (see {@code AuditRelay}), after they reached the audit trail and before they leave the
 * items. If it throws, the batch stays in the items and is handed over again later, so a reaction
 * survives a crash between the write and itself; it must therefore be idempotent (key its effect by
 * {@link Change#entryId()}).
 */
public interface ItemChangeRelayed {

    /**
     * One change as the audit trail records it.
     *
     * @param entryId unique per item version, e.g. {@code crm/leads/65f…@3}
     * @param action  {@code item.created}, {@code item.updated}, {@code item.deleted}, …
     * @param changes for a creation the values; for an update each changed field's {@code [old, new]}
     */
    record Change(AppRef app, String itemId, String entryId, String action, long version, String actor,
            Map<String, Object> changes) {
    }

    void relayed(List<Change> changes);
}
