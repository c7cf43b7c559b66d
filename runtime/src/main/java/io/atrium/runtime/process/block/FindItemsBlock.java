package io.atrium.runtime.process.block;

import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilterJson;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds items with the typed filter model: {@code app}, {@code filter} (a FEEL context in the
 * API's filter shape, e.g. {@code {field: "status", op: "eq", value: "new"}}), {@code sort},
 * {@code descending}, {@code limit} (default 20, at most 100). Variables carry ids, not whole
 * items: {@code resultVariable} (default {@code itemIds}) gets the ids, {@code <result>Count} the
 * number found, {@code <result>First} the first item's id or null.
 */
@Component
class FindItemsBlock implements BuildingBlock {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX = 100;
    private final Items items;

    FindItemsBlock(Items items) {
        this.items = items;
    }

    @Override
    public String type() {
        return "atrium:find-items";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("app");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var app = AppRef.parse(job.requiredText("app"));
        var filter = ItemFilterJson.read(JSON.valueToTree(job.value("filter").orElse(null)));
        int limit = job.text("limit").map(FindItemsBlock::number).orElse(20);
        if (limit < 1 || limit > MAX) {
            throw new BlockFailure("The limit is between 1 and " + MAX + ", not " + limit);
        }
        var page = items.search(job.actor(), app, new ItemQuery(filter, job.text("sort").orElse(null),
                job.text("descending").map(Boolean::parseBoolean).orElse(false), limit, null));
        var ids = page.items().stream().map(Item::id).toList();
        String result = job.resultVariable("itemIds");
        var out = new LinkedHashMap<String, Object>();
        out.put(result, ids);
        out.put(result + "Count", ids.size());
        out.put(result + "First", ids.isEmpty() ? null : ids.getFirst());
        return out;
    }

    private static int number(String text) {
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BlockFailure("The limit is a number, not " + text);
        }
    }
}
