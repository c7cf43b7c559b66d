package io.atrium.platform.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * Answers whether an actor may do something with an app and on which of its items. Until an
 * app's rules are set, only administrators and analysts may touch it: access is granted, never
 * assumed.
 */
@Service
public class AccessPolicy {

    private static final List<AppGrant> DEFAULT_GRANTS = List.of(
            new AppGrant(Role.ADMIN, EnumSet.allOf(Permission.class), ItemScope.ALL),
            new AppGrant(Role.ANALYST, EnumSet.allOf(Permission.class), ItemScope.ALL));

    /** How long rules read from the database are used before they are read again. */
    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private record Cached(AppAccess access, long readAt) {
    }

    private final MongoCollection<Document> rules;
    private final AppCatalog catalog;
    private final Map<AppRef, Cached> cache = new ConcurrentHashMap<>();

    public AccessPolicy(MongoDatabase database, AppCatalog catalog) {
        this.rules = database.getCollection("app_access");
        this.catalog = catalog;
    }

    /**
     * The app's rules. They are kept for a second, so a change made on another node applies
     * there within a second; on this node it applies at once.
     */
    public AppAccess rulesOf(AppRef app) {
        long now = System.nanoTime();
        Cached cached = cache.get(app);
        if (cached != null && now - cached.readAt() < CACHE_NANOS) {
            return cached.access();
        }
        AppAccess read = read(app);
        cache.put(app, new Cached(read, now));
        return read;
    }

    private AppAccess read(AppRef app) {
        return toAccess(rules.find(Filters.eq("_id", app.toString())).first());
    }

    /**
     * The apps among these on which the actor holds the permission, in their order; the rules not
     * kept are read in one query, however many apps there are.
     */
    public Set<AppRef> permitted(Actor actor, Collection<AppRef> apps, Permission permission) {
        if (!actor.has(Role.ADMIN)) {
            keep(apps);
        }
        var out = new LinkedHashSet<AppRef>();
        apps.stream().filter(app -> scope(actor, app, permission).isPresent()).forEach(out::add);
        return out;
    }

    private void keep(Collection<AppRef> apps) {
        long now = System.nanoTime();
        var stale = apps.stream().filter(app -> {
            Cached cached = cache.get(app);
            return cached == null || now - cached.readAt() >= CACHE_NANOS;
        }).map(AppRef::toString).distinct().toList();
        if (stale.isEmpty()) {
            return;
        }
        var found = new HashMap<String, Document>();
        rules.find(Filters.in("_id", stale)).forEach(doc -> found.put(doc.getString("_id"), doc));
        stale.forEach(id -> cache.put(AppRef.parse(id), new Cached(toAccess(found.get(id)), now)));
    }

    private static AppAccess toAccess(Document doc) {
        if (doc == null) {
            return new AppAccess(DEFAULT_GRANTS, null, null);
        }
        var grants = new ArrayList<AppGrant>();
        for (Document g : doc.getList("grants", Document.class, List.of())) {
            var permissions = EnumSet.noneOf(Permission.class);
            g.getList("permissions", String.class, List.of()).forEach(p -> permissions.add(Permission.valueOf(p)));
            grants.add(new AppGrant(Role.valueOf(g.getString("role")), permissions,
                    ItemScope.valueOf(g.getString("scope"))));
        }
        return new AppAccess(grants, doc.getString("assigneeField"), doc.getString("groupField"));
    }

    /**
     * Replaces an app's rules; requires ADMINISTER on the app.
     *
     * @throws ValidationException if the rules do not fit the app (its current version, or its draft
     *                             before the first publication)
     * @throws NoSuchElementException if there is no such app
     */
    public void setRules(Actor actor, AppRef app, AppAccess access) {
        require(actor, app, Permission.ADMINISTER);
        var definition = catalog.current(app).map(PublishedApp::definition)
                .or(() -> catalog.draft(app).map(AppDraft::definition))
                .orElseThrow(() -> new NoSuchElementException("There is no app " + app));
        var problems = access.problems(definition);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var grants = access.grants().stream().map(g -> new Document("role", g.role().name())
                .append("permissions", g.permissions().stream().map(Enum::name).sorted().toList())
                .append("scope", g.scope().name())).toList();
        rules.replaceOne(Filters.eq("_id", app.toString()), new Document("_id", app.toString())
                .append("grants", grants).append("assigneeField", access.assigneeField())
                .append("groupField", access.groupField()), new ReplaceOptions().upsert(true));
        cache.remove(app);
    }

    /**
     * The widest item scope in which the actor holds the permission, or empty if none.
     * Administrators of the platform hold every permission on every app.
     */
    public Optional<ItemScope> scope(Actor actor, AppRef app, Permission permission) {
        if (actor.has(Role.ADMIN)) {
            return Optional.of(ItemScope.ALL);
        }
        ItemScope widest = null;
        for (AppGrant grant : rulesOf(app).grants()) {
            if (actor.has(grant.role()) && grant.permissions().contains(permission)
                    && (widest == null || grant.scope().ordinal() < widest.ordinal())) {
                widest = grant.scope();
            }
        }
        return Optional.ofNullable(widest);
    }

    /** @throws AccessDeniedException if the actor lacks the permission on every item of the app */
    public ItemScope require(Actor actor, AppRef app, Permission permission) {
        return scope(actor, app, permission).orElseThrow(() -> new AccessDeniedException(
                "You may not " + permission.name().toLowerCase() + " items of " + app));
    }

    /** Whether an item lies in the scope for this actor. */
    public boolean covers(ItemScope scope, AppAccess access, Actor actor, String createdBy,
            Map<String, Object> values) {
        return switch (scope) {
            case ALL -> true;
            case OWN -> actor.username().equals(createdBy);
            case ASSIGNED -> actor.username().equals(createdBy)
                    || (access.assigneeField() != null && matches(values.get(access.assigneeField()),
                            Set.of(actor.username())));
            case GROUP -> actor.username().equals(createdBy)
                    || (access.groupField() != null && matches(values.get(access.groupField()), actor.groups()));
        };
    }

    private static boolean matches(Object value, Set<String> accepted) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(accepted::contains);
        }
        return value != null && accepted.contains(value.toString());
    }
}
