package io.atrium.runtime.process.block;

import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Items;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Creates an item: {@code app} names the app ({@code workspace/app}), {@code values} is a FEEL
 * context of field values; the new item's id goes to {@code resultVariable} (default
 * {@code itemId}). The id is derived from the job key, so a second delivery finds the item made
 * by the first.
 */
@Component
class CreateItemBlock implements BuildingBlock {

    private final Items items;

    CreateItemBlock(Items items) {
        this.items = items;
    }

    @Override
    public String type() {
        return "atrium:create-item";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("app");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var app = AppRef.parse(job.requiredText("app"));
        var item = items.createOnce(job.actor(), app, job.map("values"), idFor(job.key()));
        return Map.of(job.resultVariable("itemId"), item.id());
    }

    @Override
    public boolean idempotentByItself() {
        return true;
    }

    /** An item id made of the job key: 24 hexadecimal digits, as the platform's own ids. */
    static String idFor(long jobKey) {
        return String.format("%024x", jobKey);
    }
}
