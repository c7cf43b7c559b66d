package io.atrium.platform.identity.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.identity.AccountNames;
import io.atrium.platform.identity.PasswordPolicy;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * User accounts in the {@code users} collection, one document per account, keyed by username.
 * Every input is checked before the one write that stores it, so a refusal leaves nothing behind.
 */
@Service
class MongoUserDirectory implements UserDirectory {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;
    private final PasswordEncoder passwordEncoder;
    private final QueryTimeLimit timeLimit;
    private final PasswordPolicy passwordPolicy = PasswordPolicy.standard();

    MongoUserDirectory(MongoDatabase database, PasswordEncoder passwordEncoder, QueryTimeLimit timeLimit) {
        this.users = database.getCollection(COLLECTION);
        this.passwordEncoder = passwordEncoder;
        this.timeLimit = timeLimit;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("groups"));
        users.createIndex(Indexes.ascending("roles"));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        if (!AccountNames.isUsername(username)) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("username", AccountNames.username(username))).first())
                .map(MongoUserDirectory::toAccount);
    }

    @Override
    public UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles,
            Set<String> groups) {
        String key = AccountNames.username(username);
        String label = AccountNames.displayName(displayName);
        passwordPolicy.check(key, rawPassword);
        var account = new UserAccount(key, label, passwordEncoder.encode(rawPassword), roles, groups, true,
                Instant.now(), newStamp());
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
        return timeLimit.on(users.find().sort(Sorts.ascending("username"))).map(MongoUserDirectory::toAccount)
                .into(new ArrayList<>());
    }

    @Override
    public UserAccount update(String username, String displayName, Set<Role> roles, Set<String> groups,
            Boolean enabled) {
        var current = findByUsername(username).orElseThrow(() -> new NoSuchElementException("No user " + username));
        var changes = new ArrayList<Bson>();
        if (displayName != null) {
            String label = AccountNames.displayName(displayName);
            changes.add(Updates.set("displayName", label == null ? current.username() : label));
        }
        if (groups != null) {
            changes.add(Updates.set("groups", groups.stream().sorted().toList()));
        }
        boolean rolesChange = roles != null && !Set.copyOf(roles).equals(current.roles());
        boolean enabledChanges = enabled != null && enabled != current.enabled();
        if (rolesChange) {
            changes.add(Updates.set("roles", roles.stream().map(Role::name).sorted().toList()));
        }
        if (enabledChanges) {
            changes.add(Updates.set("enabled", enabled));
        }
        if (rolesChange || enabledChanges) {
            // groups are read afresh on every request; roles and the flag live in the sessions
            changes.add(Updates.set("securityStamp", newStamp()));
        }
        if (!changes.isEmpty() && users.updateOne(Filters.eq("username", current.username()),
                Updates.combine(changes)).getMatchedCount() == 0) {
            throw new NoSuchElementException("No user " + current.username());
        }
        return findByUsername(current.username())
                .orElseThrow(() -> new NoSuchElementException("No user " + current.username()));
    }

    @Override
    public void changePassword(String username, String rawPassword) {
        String key = AccountNames.username(username);
        passwordPolicy.check(key, rawPassword);
        if (users.updateOne(Filters.eq("username", key), Updates.combine(
                Updates.set("passwordHash", passwordEncoder.encode(rawPassword)),
                Updates.set("securityStamp", newStamp()))).getMatchedCount() == 0) {
            throw new NoSuchElementException("No user " + key);
        }
    }

    @Override
    public boolean passwordMatches(String username, String rawPassword) {
        return rawPassword != null && findByUsername(username)
                .map(a -> passwordEncoder.matches(rawPassword, a.passwordHash())).orElse(false);
    }

    @Override
    public boolean anyWithRole(Role role) {
        return users.find(Filters.eq("roles", role.name())).limit(1).first() != null;
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    private static String newStamp() {
        return UUID.randomUUID().toString();
    }

    private static Document toDocument(UserAccount account) {
        return new Document("username", account.username())
                .append("displayName", account.displayName())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Role::name).sorted().toList())
                .append("groups", account.groups().stream().sorted().toList())
                .append("enabled", account.enabled())
                .append("createdAt", Date.from(account.createdAt()))
                .append("securityStamp", account.securityStamp());
    }

    private static UserAccount toAccount(Document doc) {
        var roles = EnumSet.noneOf(Role.class);
        for (String name : doc.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(name));
        }
        return new UserAccount(doc.getString("username"), doc.getString("displayName"),
                doc.getString("passwordHash"), roles, Set.copyOf(doc.getList("groups", String.class, List.of())),
                doc.getBoolean("enabled", true), doc.getDate("createdAt").toInstant(),
                doc.getString("securityStamp"));
    }
}
