package io.atrium.platform.item.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.FileTooLargeException;
import io.atrium.platform.item.StoredFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files of file fields, in the GridFS bucket {@code files}. A file is uploaded for one field of one
 * app, then attached to the item whose field takes it; from then on it belongs to that item and
 * is read through it. Uploads never attached are removed after a day.
 */
@Component
public class FileBucket {

    private static final Logger LOG = LoggerFactory.getLogger(FileBucket.class);
    private static final String ITEM = "metadata.item";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final ItemCollections collections;
    private final long maxSize;

    public FileBucket(MongoDatabase database, ItemCollections collections,
            @Value("${atrium.files.max-size:26214400}") long maxSize) {
        this.bucket = GridFSBuckets.create(database, "files");
        this.files = database.getCollection("files.files");
        // The orphan sweep looks for unattached uploads older than a cutoff.
        files.createIndex(Indexes.ascending(ITEM, "uploadDate"));
        this.collections = collections;
        this.maxSize = maxSize;
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores the content; nothing is kept if it is larger than the limit.
     *
     * @throws FileTooLargeException if it is
     */
    public StoredFile store(AppRef app, String field, String uploader, String name, String contentType,
            InputStream content) {
        var id = new ObjectId();
        var digest = sha256();
        var limited = new LimitedInputStream(new DigestInputStream(content, digest), maxSize);
        var metadata = new Document("app", app.toString()).append("field", field).append("uploadedBy", uploader)
                .append("contentType", contentType).append("item", null);
        try {
            bucket.uploadFromStream(new BsonObjectId(id), name, limited,
                    new GridFSUploadOptions().metadata(metadata).chunkSizeBytes(255 * 1024));
        } catch (RuntimeException e) {
            if (limited.exceeded) {
                deleteQuietly(id);
                throw new FileTooLargeException(maxSize);
            }
            throw e;
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        files.updateOne(Filters.eq("_id", id), Updates.set("metadata.sha256", sha256));
        return describe(List.of(id.toHexString())).get(id.toHexString());
    }

    /** The files among {@code ids} that exist, by id. */
    public Map<String, StoredFile> describe(Collection<String> ids) {
        var found = new LinkedHashMap<String, StoredFile>();
        for (Document doc : files.find(Filters.in("_id", objectIds(ids)))) {
            var file = toFile(doc);
            found.put(file.id(), file);
        }
        return found;
    }

    /**
     * The ids among {@code ids} that the field of this item may not take: unknown files, files
     * uploaded for another app or field, files of another item, and unattached files someone
     * else uploaded (unless {@code anyUploader}).
     */
    public List<String> notAttachable(AppRef app, String field, String itemId, String actor, boolean anyUploader,
            Collection<String> ids) {
        var refused = new ArrayList<>(ids);
        for (Document doc : files.find(Filters.in("_id", objectIds(ids)))) {
            var meta = doc.get("metadata", Document.class);
            String item = meta.getString("item");
            boolean ok = app.toString().equals(meta.getString("app")) && field.equals(meta.getString("field"))
                    && (itemId.equals(item)
                            || item == null && (anyUploader || actor.equals(meta.getString("uploadedBy"))));
            if (ok) {
                refused.remove(doc.getObjectId("_id").toHexString());
            }
        }
        return refused;
    }

    /** Marks unattached files as belonging to the item. */
    public void attach(String itemId, Collection<String> ids) {
        if (!ids.isEmpty()) {
            files.updateMany(Filters.and(Filters.in("_id", objectIds(ids)), Filters.eq(ITEM, null)),
                    Updates.set(ITEM, itemId));
        }
    }

    /** The content of a file that belongs to the item, if there is one. */
    public Optional<InputStream> open(String itemId, String id) {
        if (!ObjectId.isValid(id) || files.find(Filters.and(Filters.eq("_id", new ObjectId(id)),
                Filters.eq(ITEM, itemId))).first() == null) {
            return Optional.empty();
        }
        return Optional.of(bucket.openDownloadStream(new ObjectId(id)));
    }

    /**
     * Removes files uploaded before {@code cutoff} and never attached. A file an item holds after
     * all (its write finished but the attaching did not) is attached instead.
     */
    public int removeUnattached(Instant cutoff) {
        int removed = 0;
        var candidates = files.find(Filters.and(Filters.eq(ITEM, null), Filters.lt("uploadDate", Date.from(cutoff))))
                .into(new ArrayList<>());
        for (Document doc : candidates) {
            var meta = doc.get("metadata", Document.class);
            ObjectId id = doc.getObjectId("_id");
            Document holder = collections.of(AppRef.parse(meta.getString("app")))
                    .find(Filters.eq(meta.getString("field"), id.toHexString())).first();
            if (holder != null) {
                attach(holder.getString("_id"), List.of(id.toHexString()));
            } else {
                deleteQuietly(id);
                removed++;
            }
        }
        return removed;
    }

    private void deleteQuietly(ObjectId id) {
        try {
            bucket.delete(id);
        } catch (RuntimeException e) {
            LOG.debug("File {} was not deleted: {}", id, e.getMessage());
        }
    }

    private static StoredFile toFile(Document doc) {
        var meta = doc.get("metadata", Document.class);
        return new StoredFile(doc.getObjectId("_id").toHexString(), doc.getString("filename"),
                meta.getString("contentType"), ((Number) doc.get("length")).longValue(), meta.getString("sha256"),
                doc.getDate("uploadDate").toInstant(), meta.getString("uploadedBy"));
    }

    private static List<ObjectId> objectIds(Collection<String> ids) {
        return ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the read once more than {@code limit} bytes have come through. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;
        boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("more than " + limit + " bytes");
            }
        }
    }
}
