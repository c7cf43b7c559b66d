package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.Actors;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemFilterJson;
import io.atrium.platform.item.ItemJson;
import io.atrium.platform.item.ItemPage;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.HistoryEntryDoc;
import io.atrium.runtime.api.internal.doc.ItemChangeDoc;
import io.atrium.runtime.api.internal.doc.ItemDoc;
import io.atrium.runtime.api.internal.doc.ItemPageDoc;
import io.atrium.runtime.api.internal.doc.ItemValuesDoc;
import io.atrium.runtime.api.internal.doc.SearchDoc;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/apps/{namespace}/{app}/items")
@Tag(name = "Items", description = "Create, read, update, delete and search an app's items")
class ItemsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Items items;

    private final Actors actors;

    ItemsController(Items items, Actors actors) {
        this.items = items;
        this.actors = actors;
    }

    @PostMapping
    @Operation(operationId = "createItem",
            summary = "Create an item; the body holds field values by code",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ItemValuesDoc.class))),
            responses = @ApiResponse(responseCode = "201",
                    description = "The item as stored; Location names it, ETag is its version",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemDoc.class))))
    @Problems({404})
    ResponseEntity<Map<String, Object>> create(@PathVariable String namespace, @PathVariable String app,
            @RequestBody JsonNode body, Authentication auth) {
        var ref = new AppRef(namespace, app);
        var item = items.create(actors.of(auth), ref, values(body, "body"));
        return ResponseEntity.created(URI.create("/api/v1/apps/" + ref + "/items/" + item.id()))
                .eTag(etag(item)).body(ItemJson.write(item));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getItem",
            summary = "One item; its ETag is its version",
            responses = @ApiResponse(responseCode = "200", description = "The item",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemDoc.class))))
    @Problems({404})
    ResponseEntity<Map<String, Object>> get(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String id, Authentication auth) {
        var item = items.get(actors.of(auth), new AppRef(namespace, app), id);
        return ResponseEntity.ok().eTag(etag(item)).body(ItemJson.write(item));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateItem",
            summary = "Change some fields of the version read: If-Match: \"<version>\" or "
            + "{\"version\": n, \"values\": {…}}; a stale version is answered 409",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ItemChangeDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The item as changed; ETag is its new version",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemDoc.class))))
    @Problems({404, 409, 428})
    ResponseEntity<Map<String, Object>> update(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode body, Authentication auth) {
        long version = version(ifMatch, body);
        var changes = values(body.has("values") ? body.get("values") : body, "values");
        changes.remove("version");
        var item = items.update(actors.of(auth), new AppRef(namespace, app), id, version, changes);
        return ResponseEntity.ok().eTag(etag(item)).body(ItemJson.write(item));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteItem",
            summary = "Delete (restorably) the version read: If-Match or ?version=",
            responses = @ApiResponse(responseCode = "200", description = "The item as deleted",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemDoc.class))))
    @Problems({400, 404, 409, 428})
    Map<String, Object> delete(@PathVariable String namespace, @PathVariable String app, @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestParam(value = "version", required = false) Long version, Authentication auth) {
        return ItemJson.write(items.delete(actors.of(auth), new AppRef(namespace, app), id,
                version != null ? version : version(ifMatch, null)));
    }

    @PostMapping("/{id}/restore")
    @Operation(operationId = "restoreItem",
            summary = "Restore a deleted item: If-Match or ?version=",
            responses = @ApiResponse(responseCode = "200", description = "The item as restored",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemDoc.class))))
    @Problems({400, 404, 409, 428})
    Map<String, Object> restore(@PathVariable String namespace, @PathVariable String app, @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestParam(value = "version", required = false) Long version, Authentication auth) {
        return ItemJson.write(items.restore(actors.of(auth), new AppRef(namespace, app), id,
                version != null ? version : version(ifMatch, null)));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "getItemHistory",
            summary = "Who created, changed (old and new values), deleted and restored the item, "
            + "oldest first",
            responses = @ApiResponse(responseCode = "200", description = "The history, oldest first",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = HistoryEntryDoc.class)))))
    @Problems({404})
    List<Map<String, Object>> history(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String id, Authentication auth) {
        return items.history(actors.of(auth), new AppRef(namespace, app), id).stream().map(ItemJson::write).toList();
    }

    @GetMapping
    @Operation(operationId = "listItems",
            summary = "A page of items, newest last; pass the returned next cursor as after",
            responses = @ApiResponse(responseCode = "200", description = "A page of items",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemPageDoc.class))))
    @Problems({400, 404, 504})
    Map<String, Object> list(@PathVariable String namespace, @PathVariable String app,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "false") boolean descending, Authentication auth) {
        return page(items.search(actors.of(auth), new AppRef(namespace, app),
                query(ItemFilter.NONE, sort, descending, limit, after)));
    }

    @PostMapping("/search")
    @Operation(operationId = "searchItems",
            summary = "Search with the typed filter model: {filter, sort, descending, limit, after, deleted}; "
            + "deleted: true searches the deleted items (needs the delete permission)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = SearchDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "A page of the items found",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ItemPageDoc.class))))
    @Problems({404, 504})
    Map<String, Object> search(@PathVariable String namespace, @PathVariable String app,
            @RequestBody JsonNode body, Authentication auth) {
        JsonInput.object(body, "body");
        var filter = ItemFilterJson.read(body.get("filter"));
        return page(items.search(actors.of(auth), new AppRef(namespace, app), query(filter,
                JsonInput.text(body, "sort", "sort", JsonInput.NAME_MAX, null),
                JsonInput.flag(body, "descending", "descending", false),
                JsonInput.integer(body, "limit", "limit", 1, ItemQuery.MAX_LIMIT, 50),
                JsonInput.text(body, "after", "after", 4096, null),
                JsonInput.flag(body, "deleted", "deleted", false))));
    }

    private static ItemQuery query(ItemFilter filter, String sort, boolean descending, int limit, String after) {
        return query(filter, sort, descending, limit, after, false);
    }

    private static ItemQuery query(ItemFilter filter, String sort, boolean descending, int limit, String after,
            boolean deleted) {
        try {
            return new ItemQuery(filter, sort, descending, limit, after, deleted);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(FieldError.of("limit", "range", MessageKey.WHOLE_NUMBER_RANGE, 1, ItemQuery.MAX_LIMIT)));
        }
    }

    private static Map<String, Object> page(ItemPage page) {
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("items", page.items().stream().map(ItemJson::write).toList());
        out.put("next", page.next());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ValidationException(List.of(FieldError.of(path, "type", MessageKey.VALUES_OBJECT_EXPECTED)));
        }
        return new java.util.LinkedHashMap<>(JSON.treeToValue(node, Map.class));
    }

    private static long version(String ifMatch, JsonNode body) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(List.of(FieldError.of("If-Match", "format",
                        MessageKey.IF_MATCH_FORMAT)));
            }
        }
        if (body != null && body.hasNonNull("version") && body.get("version").canConvertToLong()) {
            return body.get("version").asLong();
        }
        throw new PreconditionRequiredException("Name the version you read: If-Match: \"<version>\" or a "
                + "\"version\" in the body");
    }

    private static String etag(Item item) {
        return "\"" + item.version() + "\"";
    }
}
