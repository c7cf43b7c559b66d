package io.atrium.runtime.process.block;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Picks the next member of {@code group} in turn (by user name, enabled users only) and puts the
 * user name in {@code resultVariable} (default {@code assignee}). The turn is one counter per
 * group in MongoDB, taken atomically, so several nodes never hand out the same turn.
 */
@Component
class RoundRobinBlock implements BuildingBlock {

    private final UserDirectory users;
    private final MongoCollection<Document> turns;

    RoundRobinBlock(UserDirectory users, MongoDatabase database) {
        this.users = users;
        this.turns = database.getCollection("process_round_robin");
    }

    @Override
    public String type() {
        return "atrium:assign-round-robin";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("group");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        String group = job.requiredText("group");
        var members = users.all().stream().filter(UserAccount::enabled).filter(u -> u.groups().contains(group))
                .map(UserAccount::username).sorted().toList();
        if (members.isEmpty()) {
            throw new BlockFailure("The group " + group + " has no enabled members to assign to");
        }
        Document turn = turns.findOneAndUpdate(Filters.eq("_id", group), Updates.inc("taken", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long taken = ((Number) turn.get("taken")).longValue();
        return Map.of(job.resultVariable("assignee"), members.get((int) ((taken - 1) % members.size())));
    }
}
