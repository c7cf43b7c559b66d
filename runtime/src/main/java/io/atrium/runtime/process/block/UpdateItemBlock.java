package io.atrium.runtime.process.block;

import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Items;
import io.atrium.platform.item.StaleItemException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Changes fields of an item: {@code app}, {@code itemId} and {@code values} (a FEEL context of
 * the fields to change). Setting the same values again changes nothing more, so a second
 * delivery is harmless; a change made meanwhile by someone else is retried on the fresh version.
 */
@Component
class UpdateItemBlock implements BuildingBlock {

    private static final int ATTEMPTS = 3;
    private final Items items;

    UpdateItemBlock(Items items) {
        this.items = items;
    }

    @Override
    public String type() {
        return "atrium:update-item";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("app", "itemId", "values");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var app = AppRef.parse(job.requiredText("app"));
        String id = job.requiredText("itemId");
        var values = job.map("values");
        for (int attempt = 1; ; attempt++) {
            var current = items.get(job.actor(), app, id);
            try {
                var updated = items.update(job.actor(), app, id, current.version(), values);
                return Map.of(job.resultVariable("itemVersion"), updated.version());
            } catch (StaleItemException e) {
                if (attempt == ATTEMPTS) {
                    throw new BlockFailure("The item " + id + " kept changing while the process tried to update it");
                }
            }
        }
    }
}
