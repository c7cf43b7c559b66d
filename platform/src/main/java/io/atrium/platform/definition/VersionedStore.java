package io.atrium.platform.definition;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts and versions of one kind of definition, in three collections: {@code <kind>_drafts}
 * (one per definition), {@code <kind>_versions} (immutable, keyed {@code <key>@<version>}, so two
 * nodes publishing at once cannot both take the same number) and {@code <kind>s} (which version
 * is current).
 *
 * <p>Published versions never change, so they are kept once read; which version is current is
 * re-read at most every second (a version published on another node is seen within that
 * time, on this node at once; the listings read it afresh). Every publication raises the kind's
 * stamp in {@code definition_stamps}, which every node watches ({@link DefinitionsChanged}).
 *
 * @param <D> the definition, a record Jackson reads and writes
 */
public final class VersionedStore<D> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CURRENT_TTL_NANOS = 1_000_000_000L;

    /** A definition being edited. */
    public record Draft<D>(D definition, int basedOnVersion, Instant updatedAt, String updatedBy) {
    }

    /** A published, immutable version. */
    public record Version<D>(int version, D definition, Instant publishedAt, String publishedBy) {
    }

    /** A definition as the designers list it: its latest body (the draft's, else the current version's) and state. */
    public record Listed<D>(String key, D definition, DefinitionStatus status) {
    }

    private record Pointer(int version, long readAt) {
    }

    private final String kind;
    private final Class<D> type;
    private final QueryTimeLimit timeLimit;
    private final MongoCollection<Document> drafts;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> current;
    private final Map<String, Pointer> pointers = new ConcurrentHashMap<>();
    private final Map<String, Version<D>> published = new ConcurrentHashMap<>();
    private final DefinitionStamps stamps;

    /**
     * @param kind      names the collections and, in version documents, the field holding the key
     * @param timeLimit bounds the listings, which people's requests drive
     */
    public VersionedStore(MongoDatabase database, String kind, Class<D> type, QueryTimeLimit timeLimit) {
        this.timeLimit = timeLimit;
        this.kind = kind;
        this.type = type;
        this.drafts = database.getCollection(kind + "_drafts");
        this.versions = database.getCollection(kind + "_versions");
        this.current = database.getCollection(kind + "s");
        versions.createIndex(Indexes.ascending(kind, "version"));
        this.stamps = new DefinitionStamps(database);
    }

    /** Creates or replaces the draft; it remembers the version it started from. */
    public Draft<D> saveDraft(String key, D definition, String user) {
        int basedOn = draft(key).map(Draft::basedOnVersion)
                .orElseGet(() -> current(key).map(Version::version).orElse(0));
        var draft = new Draft<>(definition, basedOn, Instant.now(), user);
        drafts.replaceOne(Filters.eq("_id", key), new Document("_id", key).append("definition", toDocument(definition))
                        .append("basedOnVersion", basedOn).append("updatedAt", Date.from(draft.updatedAt()))
                        .append("updatedBy", user),
                new ReplaceOptions().upsert(true));
        return draft;
    }

    public Optional<Draft<D>> draft(String key) {
        return Optional.ofNullable(drafts.find(Filters.eq("_id", key)).first()).map(this::toDraft);
    }

    /**
     * Stores the definition as the next version and makes it current. Validation is the
     * caller's; this only guarantees that each number is taken once.
     *
     * @param extra more fields for the pointer document (e.g. to list definitions by parts of their key)
     * @throws VersionConflictException if another node took the number first
     */
    public Version<D> publish(String key, D definition, String user, Document extra) {
        int number = current(key).map(Version::version).orElse(0) + 1;
        var version = new Version<>(number, definition, Instant.now(), user);
        try {
            versions.insertOne(new Document("_id", key + "@" + number).append(kind, key).append("version", number)
                    .append("definition", toDocument(definition)).append("publishedAt", Date.from(version.publishedAt()))
                    .append("publishedBy", user));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new VersionConflictException(key, number);
            }
            throw e;
        }
        var pointer = new Document("_id", key);
        pointer.putAll(extra);
        pointer.append("version", number);
        current.replaceOne(Filters.eq("_id", key), pointer, new ReplaceOptions().upsert(true));
        pointers.remove(key);
        drafts.updateOne(Filters.eq("_id", key), Updates.set("basedOnVersion", number));
        stamps.bump(kind); // other nodes learn of it from the stamp (ADR 0011)
        return version;
    }

    public Optional<Version<D>> current(String key) {
        long now = System.nanoTime();
        Pointer pointer = pointers.get(key);
        if (pointer == null || now - pointer.readAt() > CURRENT_TTL_NANOS) {
            Document found = current.find(Filters.eq("_id", key)).first();
            if (found == null) {
                pointers.remove(key);
                return Optional.empty();
            }
            pointer = new Pointer(found.getInteger("version"), now);
            pointers.put(key, pointer);
        }
        return version(key, pointer.version());
    }

    public Optional<Version<D>> version(String key, int number) {
        String id = key + "@" + number;
        Version<D> cached = published.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = Optional.ofNullable(versions.find(Filters.eq("_id", id)).first()).map(this::toVersion);
        found.ifPresent(v -> published.put(id, v));
        return found;
    }

    public List<Version<D>> versions(String key) {
        return timeLimit.on(versions.find(Filters.eq(kind, key)).sort(Sorts.ascending("version")))
                .map(this::toVersion).into(new ArrayList<>());
    }

    /** Every definition's current version, by key in order: one read of the pointers, one of uncached versions. */
    public Map<String, Version<D>> currentVersions() {
        var pointed = new TreeMap<String, Integer>();
        long now = System.nanoTime();
        timeLimit.on(current.find()).forEach(d -> {
            pointed.put(d.getString("_id"), d.getInteger("version"));
            pointers.put(d.getString("_id"), new Pointer(d.getInteger("version"), now));
        });
        var missing = pointed.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .filter(id -> !published.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            timeLimit.on(versions.find(Filters.in("_id", missing)))
                    .forEach(d -> published.put(d.getString("_id"), toVersion(d)));
        }
        var out = new LinkedHashMap<String, Version<D>>();
        pointed.forEach((key, number) -> {
            var version = published.get(key + "@" + number);
            if (version != null) {
                out.put(key, version);
            }
        });
        return out;
    }

    /**
     * Every definition that has a draft or a current version, by key in order, with its latest body
     * (the draft's, else the current version's) and where it stands: one read of the drafts and
     * {@link #currentVersions()}, whatever their number.
     */
    public List<Listed<D>> listed() {
        var drafted = new HashMap<String, Draft<D>>();
        timeLimit.on(drafts.find()).forEach(d -> drafted.put(d.getString("_id"), toDraft(d)));
        var currents = currentVersions();
        var keys = new TreeSet<>(drafted.keySet());
        keys.addAll(currents.keySet());
        var out = new ArrayList<Listed<D>>();
        for (String key : keys) {
            Draft<D> draft = drafted.get(key);
            Version<D> version = currents.get(key);
            var status = DefinitionStatus.of(draft == null ? null : draft.updatedAt(),
                    draft == null ? null : draft.updatedBy(), version == null ? 0 : version.version(),
                    version == null ? null : version.publishedAt(), version == null ? null : version.publishedBy());
            out.add(new Listed<>(key, draft != null ? draft.definition() : version.definition(), status));
        }
        return out;
    }

    private Draft<D> toDraft(Document d) {
        return new Draft<>(toDefinition(d.get("definition", Document.class)), d.getInteger("basedOnVersion", 0),
                d.getDate("updatedAt").toInstant(), d.getString("updatedBy"));
    }

    private Document toDocument(D definition) {
        return Document.parse(JSON.writeValueAsString(definition));
    }

    private D toDefinition(Document document) {
        return JSON.readValue(document.toJson(), type);
    }

    private Version<D> toVersion(Document d) {
        return new Version<>(d.getInteger("version"), toDefinition(d.get("definition", Document.class)),
                d.getDate("publishedAt").toInstant(), d.getString("publishedBy"));
    }
}
