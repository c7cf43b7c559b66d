package io.atrium.runtime.process.block;

import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Items;
import io.atrium.platform.item.PlainValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads an item's values into the process: {@code app}, {@code itemId}, and optionally
 * {@code fields} (the codes wanted; default every field). They go to {@code resultVariable}
 * (default {@code item}) as a context, with {@code id} and {@code version}; read
 * {@code item.name} in later FEEL.
 */
@Component
class GetItemBlock implements BuildingBlock {

    private final Items items;

    GetItemBlock(Items items) {
        this.items = items;
    }

    @Override
    public String type() {
        return "atrium:get-item";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("app", "itemId");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var item = items.get(job.actor(), AppRef.parse(job.requiredText("app")), job.requiredText("itemId"));
        var wanted = job.list("fields").stream().map(String::valueOf).map(String::strip).toList();
        var out = new LinkedHashMap<String, Object>();
        out.put("id", item.id());
        out.put("version", item.version());
        item.values().forEach((field, value) -> {
            if (wanted.isEmpty() || wanted.contains(field)) {
                out.put(field, PlainValues.of(value));
            }
        });
        return Map.of(job.resultVariable("item"), out);
    }
}
