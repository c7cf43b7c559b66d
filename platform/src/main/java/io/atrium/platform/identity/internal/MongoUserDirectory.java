package io.atrium.platform.identity.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.atrium.platform.QueryTimeLimit;
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
    static final int MIN_PASSWORD = 10;

    private final MongoCollection<Document> users;
    private final PasswordEncoder passwordEncoder;
    private final QueryTimeLimit timeLimit;

    MongoUserDirectory(MongoDatabase database, PasswordEncoder passwordEncoder, QueryTimeLimit timeLimit) {
        this.users = database.getCollection(COLLECTION);
        this.passwordEncoder = passwordEncoder;
        this.timeLimit = timeLimit;
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
        checkPassword(rawPassword);
        var account = new UserAccount(normalize(username), displayName, passwordEncoder.encode(rawPassword),
                roles, Set.of(), true, Instant.now());
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
    public List<UserAccount> all() {
        return timeLimit.on(users.find().sort(com.mongodb.client.model.Sorts.ascending("username")))
                .map(MongoUserDirectory::toAccount).into(new java.util.ArrayList<>());
    }

    @Override
    public UserAccount update(String username, String displayName, Set<Role> roles, Set<String> groups,
            Boolean enabled) {
        var changes = new java.util.ArrayList<org.bson.conversions.Bson>();
        if (displayName != null) {
            changes.add(com.mongodb.client.model.Updates.set("displayName", displayName.strip()));
        }
        if (roles != null) {
            changes.add(com.mongodb.client.model.Updates.set("roles", roles.stream().map(Role::name).sorted().toList()));
        }
        if (groups != null) {
            changes.add(com.mongodb.client.model.Updates.set("groups", groups.stream().sorted().toList()));
        }
        if (enabled != null) {
            changes.add(com.mongodb.client.model.Updates.set("enabled", enabled));
        }
        String key = normalize(username);
        if (!changes.isEmpty() && users.updateOne(Filters.eq("username", key),
                com.mongodb.client.model.Updates.combine(changes)).getMatchedCount() == 0) {
            throw new java.util.NoSuchElementException("No user " + key);
        }
        return findByUsername(key).orElseThrow(() -> new java.util.NoSuchElementException("No user " + key));
    }

    @Override
    public void changePassword(String username, String rawPassword) {
        checkPassword(rawPassword);
        String key = normalize(username);
        if (users.updateOne(Filters.eq("username", key), com.mongodb.client.model.Updates.set("passwordHash",
                passwordEncoder.encode(rawPassword))).getMatchedCount() == 0) {
            throw new java.util.NoSuchElementException("No user " + key);
        }
    }

    @Override
    public boolean passwordMatches(String username, String rawPassword) {
        return findByUsername(username).map(a -> passwordEncoder.matches(rawPassword, a.passwordHash())).orElse(false);
    }

    private static void checkPassword(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD || rawPassword.length() > 200) {
            throw new IllegalArgumentException("A password has " + MIN_PASSWORD + " to 200 characters");
        }
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
                .append("groups", account.groups().stream().sorted().toList())
                .append("enabled", account.enabled())
                .append("createdAt", Date.from(account.createdAt()));
    }

    private static UserAccount toAccount(Document doc) {
        var roles = EnumSet.noneOf(Role.class);
        for (String name : doc.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(name));
        }
        return new UserAccount(doc.getString("username"), doc.getString("displayName"),
                doc.getString("passwordHash"), roles, Set.copyOf(doc.getList("groups", String.class, List.of())),
                doc.getBoolean("enabled", true),
                doc.getDate("createdAt").toInstant());
    }
}
