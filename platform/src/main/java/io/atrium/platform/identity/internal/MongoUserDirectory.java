package io.atrium.platform.identity.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts in the {@code users} collection, one document per account, keyed by username. */
@Service
class MongoUserDirectory implements UserDirectory {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;
    private final PasswordEncoder passwordEncoder;

    MongoUserDirectory(MongoDatabase database, PasswordEncoder passwordEncoder) {
        this.users = database.getCollection(COLLECTION);
        this.passwordEncoder = passwordEncoder;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("username", normalize(username))).first())
                .map(MongoUserDirectory::toAccount);
    }

    @Override
    public UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles) {
        var account = new UserAccount(normalize(username), displayName, passwordEncoder.encode(rawPassword),
                roles, true, Instant.now());
        try {
            users.insertOne(toDocument(account));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UsernameTakenException(account.username());
            }
            throw e;
        }
        return account;
    }

    @Override
    public boolean anyWithRole(Role role) {
        return users.find(Filters.eq("roles", role.name())).limit(1).first() != null;
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    private static String normalize(String username) {
        var trimmed = username.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A username must not be blank");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static Document toDocument(UserAccount account) {
        return new Document("username", account.username())
                .append("displayName", account.displayName())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Role::name).sorted().toList())
                .append("enabled", account.enabled())
                .append("createdAt", Date.from(account.createdAt()));
    }

    private static UserAccount toAccount(Document doc) {
        var roles = EnumSet.noneOf(Role.class);
        for (String name : doc.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(name));
        }
        return new UserAccount(doc.getString("username"), doc.getString("displayName"),
                doc.getString("passwordHash"), roles, doc.getBoolean("enabled", true),
                doc.getDate("createdAt").toInstant());
    }
}
