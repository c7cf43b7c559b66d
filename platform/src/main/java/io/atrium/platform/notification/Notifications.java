package io.atrium.platform.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.Actor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Keeps notifications; each is sent once per key, so a repeated cause sends nothing more. */
@Service
public class Notifications {

    /** Longest text kept. */
    public static final int MAX_TEXT = 2_000;
    private final MongoCollection<Document> notifications;
    private final QueryTimeLimit timeLimit;

    public Notifications(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.notifications = database.getCollection("notifications");
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("recipient"), Indexes.descending("createdAt")));
        this.timeLimit = timeLimit;
    }

    /**
     * Sends a notification unless one with this key was sent.
     *
     * @param key what caused it, e.g. {@code job:2251799813685321:alice}
     */
    public void send(String key, String recipient, String text, String link) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A notification has a text of 1 to " + MAX_TEXT + " characters");
        }
        try {
            notifications.insertOne(new Document("_id", key).append("recipient", recipient).append("text", text.strip())
                    .append("link", link).append("createdAt", new Date()).append("read", false));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The actor's latest notifications, newest first. */
    public List<Notification> latest(Actor actor, int limit) {
        var out = new ArrayList<Notification>();
        timeLimit.on(notifications.find(Filters.eq("recipient", actor.username()))
                .sort(Sorts.descending("createdAt")).limit(Math.min(Math.max(limit, 1), 200)))
                .forEach(d -> out.add(new Notification(d.getString("_id"), d.getString("recipient"), d.getString("text"),
                        d.getString("link"), d.getDate("createdAt").toInstant(), d.getBoolean("read", false))));
        return out;
    }

    /** How many of the actor's notifications are unread, counting at most {@code upTo}. */
    public long unread(Actor actor, int upTo) {
        return notifications.countDocuments(Filters.and(Filters.eq("recipient", actor.username()),
                Filters.eq("read", false)), new com.mongodb.client.model.CountOptions().limit(Math.max(upTo, 1)));
    }

    /** Marks all the actor's notifications read. */
    public void markAllRead(Actor actor) {
        notifications.updateMany(Filters.and(Filters.eq("recipient", actor.username()), Filters.eq("read", false)),
                Updates.set("read", true));
    }

    /** Marks one of the actor's notifications read. */
    public void markRead(Actor actor, String id) {
        notifications.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("recipient", actor.username())),
                Updates.set("read", true));
    }
}
