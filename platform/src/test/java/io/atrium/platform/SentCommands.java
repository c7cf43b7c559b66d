package io.atrium.platform;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;

/** The commands a test's MongoClient sent, as the server received them. */
public class SentCommands implements CommandListener {

    private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        sent.add(event.getCommand().clone());
    }

    /** The {@code find} commands sent to a collection, oldest first. */
    public List<BsonDocument> findsOn(String collection) {
        return sent.stream().filter(c -> c.containsKey("find") && c.getString("find").getValue().equals(collection))
                .toList();
    }

    public void clear() {
        sent.clear();
    }
}
