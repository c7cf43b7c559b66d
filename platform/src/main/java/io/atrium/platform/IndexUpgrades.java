package io.atrium.platform;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/** Index changes between releases, made by the store that owns a collection when it starts. */
public final class IndexUpgrades {

    /** The server's code for dropping an index that is not there (another node was first). */
    private static final int INDEX_NOT_FOUND = 27;

    private IndexUpgrades() {
    }

    /** Drops the indexes of these names that an earlier release created and wider ones now cover. */
    public static void dropIfPresent(MongoCollection<Document> collection, String... names) {
        Set<String> existing = collection.listIndexes().into(new java.util.ArrayList<>()).stream()
                .map(index -> index.getString("name")).collect(Collectors.toSet());
        for (String name : names) {
            if (existing.contains(name)) {
                try {
                    collection.dropIndex(name);
                } catch (MongoCommandException e) {
                    if (e.getErrorCode() != INDEX_NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
    }
}
