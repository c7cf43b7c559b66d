package io.atrium.platform.item;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.audit.AuditEntry;
import io.atrium.platform.audit.AuditTrail;
import io.atrium.platform.item.internal.AuditRelay;
import io.atrium.platform.item.internal.Cursors;
import io.atrium.platform.item.internal.FileBucket;
import io.atrium.platform.item.internal.FilterTranslation;
import io.atrium.platform.item.internal.ItemCollections;
import io.atrium.platform.item.internal.ScopeFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one place where items are read and written: every call checks the actor's permissions,
 * validates against the app's current version, writes, audits and announces the change.
 */
@Service
public class Items {

    private static final java.util.regex.Pattern OWN_ID = java.util.regex.Pattern.compile("[0-9a-f]{24}");

    private final AppCatalog catalog;
    private final AccessPolicy access;
    private final ItemCollections collections;
    private final AuditTrail audit;
    private final AuditRelay relay;
    private final FileBucket files;
    private final LinkChecks links;
    private final ApplicationEventPublisher events;
    private final Cursors cursors;
    private final QueryTimeLimit timeLimit;
    private final ItemValidator validator = new ItemValidator();

    public Items(AppCatalog catalog, AccessPolicy access, ItemCollections collections, AuditTrail audit,
            AuditRelay relay, FileBucket files, ApplicationEventPublisher events, Cursors cursors,
            QueryTimeLimit timeLimit) {
        this.catalog = catalog;
        this.access = access;
        this.collections = collections;
        this.audit = audit;
        this.relay = relay;
        this.files = files;
        this.links = new LinkChecks(this, files);
        this.events = events;
        this.cursors = cursors;
        this.timeLimit = timeLimit;
    }

    public Item create(Actor actor, AppRef ref, Map<String, ?> input) {
        return create(actor, ref, input, new ObjectId().toHexString());
    }

    /**
     * Creates the item under an id the caller derived from what caused it (e.g. a process job's
     * key), so doing it again has no second effect: if the item exists, it is returned as it is.
     *
     * @param id 24 lower-case hexadecimal digits, like the ids the platform makes
     */
    public Item createOnce(Actor actor, AppRef ref, Map<String, ?> input, String id) {
        if (id == null || !OWN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An item id is 24 lower-case hexadecimal digits, not " + id);
        }
        try {
            return create(actor, ref, input, id);
        } catch (MongoWriteException e) {
            var existing = collections.of(ref).find(Filters.eq("_id", id)).first();
            if (existing != null) {
                return toItem(ref, existing); // made before: by an earlier delivery of the same cause
            }
            throw e;
        }
    }

    private Item create(Actor actor, AppRef ref, Map<String, ?> input, String id) {
        access.require(actor, ref, Permission.CREATE);
        var app = published(ref);
        var values = validator.forCreate(app.definition(), input);
        links.references(actor, app, values);
        var now = new Date();
        var newFiles = links.files(actor, app, id, values, Map.of());
        var entry = AuditTrail.entry(actor.username(), "item.created", subject(ref, id), 1, values);
        var doc = new Document("_id", id);
        values.forEach(doc::append);
        doc.append(ItemCollections.VERSION, 1L).append(ItemCollections.APP_VERSION, app.version())
                .append(ItemCollections.CREATED_AT, now).append(ItemCollections.CREATED_BY, actor.username())
                .append(ItemCollections.UPDATED_AT, now).append(ItemCollections.UPDATED_BY, actor.username())
                .append(ItemCollections.DELETED, false).append(ItemCollections.PENDING_AUDIT, List.of(entry));
        try {
            collections.of(ref).insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && e.getError().getMessage().contains("_id")) {
                throw e; // the id was taken: createOnce finds what took it
            }
            throw uniqueViolation(app, e);
        }
        relay.written(ref, id, entry);
        files.attach(id, newFiles);
        var item = toItem(ref, doc);
        events.publishEvent(new ItemChanged(ItemChanged.Kind.CREATED, ref, item.id(), 1, actor.username()));
        return item;
    }

    public Item get(Actor actor, AppRef ref, String id) {
        var scope = access.require(actor, ref, Permission.READ);
        var item = load(ref, id);
        if (item.deleted() || !covers(actor, ref, scope, item)) {
            throw notFound(ref, id);
        }
        return item;
    }

    /**
     * The items among {@code ids} that exist, are not deleted and lie in the actor's read scope, in
     * one query; for showing references by name.
     */
    public List<Item> find(Actor actor, AppRef ref, Collection<String> ids) {
        var scope = access.require(actor, ref, Permission.READ);
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<Item>();
        for (Document doc : timeLimit.on(collections.of(ref).find(Filters.and(Filters.in("_id", ids),
                Filters.ne(ItemCollections.DELETED, true))).projection(Projections.exclude(
                        ItemCollections.PENDING_AUDIT)))) {
            var item = toItem(ref, doc);
            if (covers(actor, ref, scope, item)) {
                found.add(item);
            }
        }
        return found;
    }

    /**
     * Applies a partial change to the item as it was at {@code expectedVersion}.
     *
     * @throws StaleItemException if someone changed it since
     */
    public Item update(Actor actor, AppRef ref, String id, long expectedVersion, Map<String, ?> changes) {
        var scope = access.require(actor, ref, Permission.UPDATE);
        var app = published(ref);
        var current = load(ref, id);
        if (current.deleted() || !covers(actor, ref, scope, current)) {
            throw notFound(ref, id);
        }
        if (current.version() != expectedVersion) {
            throw stale(ref, id, current.version());
        }
        var values = validator.forUpdate(app.definition(), changes, current.values());
        links.references(actor, app, values);
        var newFiles = links.files(actor, app, id, values, current.values());
        var updates = new ArrayList<Bson>();
        var audited = new LinkedHashMap<String, Object>();
        values.forEach((field, value) -> {
            updates.add(value == null ? Updates.unset(field) : Updates.set(field, value));
            if (!Objects.equals(current.values().get(field), value)) {
                audited.put(field, Arrays.asList(current.values().get(field), value));
            }
        });
        var entry = AuditTrail.entry(actor.username(), "item.updated", subject(ref, id), expectedVersion + 1, audited);
        updates.add(Updates.push(ItemCollections.PENDING_AUDIT, entry));
        updates.add(Updates.inc(ItemCollections.VERSION, 1L));
        updates.add(Updates.set(ItemCollections.APP_VERSION, app.version()));
        updates.add(Updates.set(ItemCollections.UPDATED_AT, new Date()));
        updates.add(Updates.set(ItemCollections.UPDATED_BY, actor.username()));
        try {
            var result = collections.of(ref).updateOne(Filters.and(Filters.eq("_id", id),
                    Filters.eq(ItemCollections.VERSION, expectedVersion)), Updates.combine(updates));
            if (result.getMatchedCount() == 0) {
                throw stale(ref, id, load(ref, id).version());
            }
        } catch (MongoWriteException e) {
            throw uniqueViolation(app, e);
        }
        relay.written(ref, id, entry);
        files.attach(id, newFiles);
        var updated = load(ref, id);
        events.publishEvent(new ItemChanged(ItemChanged.Kind.UPDATED, ref, id, updated.version(), actor.username()));
        return updated;
    }

    /** Hides the item; it can be restored. */
    public Item delete(Actor actor, AppRef ref, String id, long expectedVersion) {
        return setDeleted(actor, ref, id, expectedVersion, true);
    }

    public Item restore(Actor actor, AppRef ref, String id, long expectedVersion) {
        return setDeleted(actor, ref, id, expectedVersion, false);
    }

    /**
     * What happened to the item, oldest first: who created, changed (old and new values), deleted
     * and restored it, and when. Readers of the item may see it; a deleted item's history is
     * shown to those who may restore it.
     */
    public List<AuditEntry> history(Actor actor, AppRef ref, String id) {
        var scope = access.require(actor, ref, Permission.READ);
        var doc = timeLimit.on(collections.of(ref).find(Filters.eq("_id", id))).first();
        if (doc == null) {
            throw notFound(ref, id);
        }
        var item = toItem(ref, doc);
        if (item.deleted()) {
            scope = access.require(actor, ref, Permission.DELETE);
        }
        if (!covers(actor, ref, scope, item)) {
            throw notFound(ref, id);
        }
        var byId = new LinkedHashMap<String, AuditEntry>();
        audit.about(subject(ref, id)).forEach(e -> byId.put(e.id(), e));
        for (Document pending : doc.getList(ItemCollections.PENDING_AUDIT, Document.class, List.of())) {
            byId.putIfAbsent(pending.getString("_id"), AuditTrail.toEntry(pending));
        }
        return byId.values().stream().sorted(Comparator.comparingLong(AuditEntry::version)).toList();
    }

    /**
     * Items that match, as far as the actor may see them, one page at a time. Deleted items are
     * searched only when the query asks for them, and only by those who may delete.
     *
     * @throws ValidationException if the filter or sort names no such field, or the cursor was not
     *                             handed out by this server for this app, sort field and direction
     * @throws com.mongodb.MongoExecutionTimeoutException if the query needs longer than the
     *                             {@link QueryTimeLimit}
     */
    public ItemPage search(Actor actor, AppRef ref, ItemQuery query) {
        // deleted items are searched by those who may restore them
        var scope = access.require(actor, ref, query.deleted() ? Permission.DELETE : Permission.READ);
        var translation = new FilterTranslation(published(ref).definition());
        var clauses = visible(actor, ref, scope, translation, query.filter(), query.deleted());
        var sortKey = translation.sortKey(query.sortField());
        if (query.after() != null) {
            clauses.add(cursors.continuation(query.after(), ref, sortKey, query.descending()));
        }
        var sort = query.descending() ? Sorts.descending(sortKey.path(), "_id")
                : Sorts.ascending(sortKey.path(), "_id");
        var docs = timeLimit.on(collections.of(ref).find(Filters.and(clauses)).sort(sort).limit(query.limit() + 1)
                .projection(Projections.exclude(ItemCollections.PENDING_AUDIT))).into(new ArrayList<>());
        String next = null;
        if (docs.size() > query.limit()) { // one more than asked: there is a next page
            docs.removeLast();
            next = cursors.after(ref, sortKey, query.descending(), docs.getLast());
        }
        return new ItemPage(docs.stream().map(d -> toItem(ref, d)).toList(), next);
    }

    /**
     * How many items match, as far as the actor may see them, counting no further than
     * {@code upTo}: a list shows "1,000+" rather than scanning a million documents for a number.
     *
     * @throws ValidationException if the filter names no such field
     * @throws com.mongodb.MongoExecutionTimeoutException if counting needs longer than the
     *                             {@link QueryTimeLimit}
     */
    public long count(Actor actor, AppRef ref, ItemFilter filter, boolean deleted, int upTo) {
        if (upTo < 1) {
            throw new IllegalArgumentException("count up to at least 1, not " + upTo);
        }
        var scope = access.require(actor, ref, deleted ? Permission.DELETE : Permission.READ);
        var translation = new FilterTranslation(published(ref).definition());
        var clauses = visible(actor, ref, scope, translation, filter, deleted);
        return collections.of(ref).countDocuments(Filters.and(clauses), timeLimit.count().limit(upTo));
    }

    /** The clauses that select what the actor may see of the filter's matches. */
    private List<Bson> visible(Actor actor, AppRef ref, ItemScope scope, FilterTranslation translation,
            ItemFilter filter, boolean deleted) {
        var clauses = new ArrayList<Bson>();
        clauses.add(deleted ? Filters.eq(ItemCollections.DELETED, true) : Filters.ne(ItemCollections.DELETED, true));
        clauses.add(translation.toBson(filter));
        if (scope != ItemScope.ALL) { // the rules name the assignee and group fields
            ScopeFilter.of(scope, access.rulesOf(ref), actor).ifPresent(clauses::add);
        }
        return clauses;
    }

    private Item setDeleted(Actor actor, AppRef ref, String id, long expectedVersion, boolean deleted) {
        var scope = access.require(actor, ref, Permission.DELETE);
        var current = load(ref, id);
        if (!covers(actor, ref, scope, current) || current.deleted() == deleted) {
            throw notFound(ref, id);
        }
        var entry = AuditTrail.entry(actor.username(), deleted ? "item.deleted" : "item.restored", subject(ref, id),
                expectedVersion + 1, Map.of());
        var result = collections.of(ref).updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq(ItemCollections.VERSION, expectedVersion)),
                Updates.combine(Updates.set(ItemCollections.DELETED, deleted),
                        Updates.push(ItemCollections.PENDING_AUDIT, entry),
                        Updates.inc(ItemCollections.VERSION, 1L),
                        Updates.set(ItemCollections.UPDATED_AT, new Date()),
                        Updates.set(ItemCollections.UPDATED_BY, actor.username())));
        if (result.getMatchedCount() == 0) {
            throw stale(ref, id, current.version());
        }
        relay.written(ref, id, entry);
        var item = load(ref, id);
        events.publishEvent(new ItemChanged(deleted ? ItemChanged.Kind.DELETED : ItemChanged.Kind.RESTORED, ref, id,
                item.version(), actor.username()));
        return item;
    }

    private PublishedApp published(AppRef ref) {
        return catalog.current(ref).orElseThrow(() -> new NoSuchElementException(ref + " is not published"));
    }

    /**
     * The item as the app's current version defines it: values of fields a later version dropped
     * stay in the database (a rollback brings them back) but are not served.
     */
    private Item toItem(AppRef ref, Document doc) {
        var item = ItemCollections.toItem(ref, doc);
        var app = catalog.current(ref);
        if (app.isEmpty() || item.values().keySet().stream().allMatch(code -> app.get().definition().field(code)
                .isPresent())) {
            return item;
        }
        var values = new LinkedHashMap<String, Object>(item.values());
        values.keySet().removeIf(code -> app.get().definition().field(code).isEmpty());
        return new Item(item.id(), ref, item.version(), item.appVersion(), values, item.createdAt(),
                item.createdBy(), item.updatedAt(), item.updatedBy(), item.deleted());
    }

    private Item load(AppRef ref, String id) {
        var doc = timeLimit.on(collections.of(ref).find(Filters.eq("_id", id))).first();
        if (doc == null) {
            throw notFound(ref, id);
        }
        return toItem(ref, doc);
    }

    private boolean covers(Actor actor, AppRef ref, ItemScope scope, Item item) {
        return scope == ItemScope.ALL
                || access.covers(scope, access.rulesOf(ref), actor, item.createdBy(), item.values());
    }




    private static RuntimeException uniqueViolation(PublishedApp app, MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            return e;
        }
        String message = e.getError().getMessage();
        for (var field : app.definition().fields()) {
            if (field.unique() && message.contains(field.code())) {
                return new ValidationException(List.of(FieldError.of(field.code(), "unique",
                        MessageKey.UNIQUE_TAKEN)));
            }
        }
        return new ValidationException(List.of(FieldError.of("", "unique", MessageKey.UNIQUE_TAKEN)));
    }

    private static ItemNotFoundException notFound(AppRef ref, String id) {
        return new ItemNotFoundException("No item " + id + " in " + ref);
    }

    private static StaleItemException stale(AppRef ref, String id, long current) {
        return new StaleItemException("Item " + id + " of " + ref + " has changed since it was read (now version "
                + current + ")", current);
    }

    private static String subject(AppRef ref, String id) {
        return ref + "/" + id;
    }
}
