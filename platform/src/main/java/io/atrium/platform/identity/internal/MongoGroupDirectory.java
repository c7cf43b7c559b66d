package io.atrium.platform.identity.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.identity.AccountNames;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.InvalidAccountException;
import io.atrium.platform.identity.UserGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Groups in the {@code groups} collection, keyed by code; members are listed on the users. */
@Service
class MongoGroupDirectory implements GroupDirectory {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final MongoCollection<Document> groups;
    private final MongoCollection<Document> users;
    private final QueryTimeLimit timeLimit;

    MongoGroupDirectory(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.groups = database.getCollection("groups");
        this.timeLimit = timeLimit;
        this.users = database.getCollection(MongoUserDirectory.COLLECTION);
    }

    @Override
    public List<UserGroup> all() {
        var result = new ArrayList<UserGroup>();
        for (Document d : timeLimit.on(groups.find().sort(Sorts.ascending("_id")))) {
            result.add(new UserGroup(d.getString("_id"), d.getString("name")));
        }
        return result;
    }

    @Override
    public UserGroup create(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidAccountException("code", "invalid", MessageKey.GROUP_CODE_FORMAT);
        }
        String named = AccountNames.groupName(name);
        String label = named == null ? code : named;
        try {
            groups.insertOne(new Document("_id", code).append("name", label));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalArgumentException("The group '" + code + "' exists already");
            }
            throw e;
        }
        return new UserGroup(code, label);
    }

    @Override
    public boolean delete(String code) {
        boolean deleted = groups.deleteOne(Filters.eq("_id", code)).getDeletedCount() == 1;
        if (deleted) {
            users.updateMany(Filters.eq("groups", code), Updates.pull("groups", code));
        }
        return deleted;
    }

    @Override
    public boolean exists(String code) {
        return groups.find(Filters.eq("_id", code)).limit(1).first() != null;
    }
}
