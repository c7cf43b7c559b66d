package io.atrium.platform.identity.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.identity.ApiToken;
import io.atrium.platform.identity.ApiTokens;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Tokens in the {@code api_tokens} collection, found by the SHA-256 of the secret. A secret has
 * 256 random bits, so a fast hash is enough: there is nothing to guess from it.
 */
@Service
class MongoApiTokens implements ApiTokens {

    private static final String PREFIX = "atr_";

    private final MongoCollection<Document> tokens;
    private final UserDirectory users;
    private final QueryTimeLimit timeLimit;
    private final SecureRandom random = new SecureRandom();

    MongoApiTokens(MongoDatabase database, UserDirectory users, QueryTimeLimit timeLimit) {
        this.tokens = database.getCollection("api_tokens");
        this.users = users;
        this.timeLimit = timeLimit;
        tokens.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
        tokens.createIndex(Indexes.ascending("username"));
    }

    @Override
    public Issued issue(String username, String name) {
        var account = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("No such user"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            throw new IllegalArgumentException("A token name has at most 100 characters");
        }
        var token = new ApiToken(new ObjectId().toHexString(), account.username(), label, Instant.now(), null, false);
        tokens.insertOne(new Document("_id", token.id()).append("hash", hash(secret))
                .append("username", token.username()).append("name", token.name())
                .append("createdAt", Date.from(token.createdAt())).append("revoked", false));
        return new Issued(token, secret);
    }

    @Override
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Document doc = tokens.find(Filters.and(Filters.eq("hash", hash(secret)), Filters.eq("revoked", false))).first();
        if (doc == null) {
            return Optional.empty();
        }
        tokens.updateOne(Filters.eq("_id", doc.getString("_id")), Updates.set("lastUsedAt", new Date()));
        return users.findByUsername(doc.getString("username")).filter(UserAccount::enabled);
    }

    @Override
    public List<ApiToken> of(String username) {
        var result = new ArrayList<ApiToken>();
        for (Document d : timeLimit.on(tokens.find(Filters.eq("username", username))
                .sort(Sorts.ascending("createdAt")))) {
            Date used = d.getDate("lastUsedAt");
            result.add(new ApiToken(d.getString("_id"), d.getString("username"), d.getString("name"),
                    d.getDate("createdAt").toInstant(), used == null ? null : used.toInstant(),
                    d.getBoolean("revoked", false)));
        }
        return result;
    }

    @Override
    public boolean revoke(String username, String tokenId) {
        return tokens.updateOne(Filters.and(Filters.eq("_id", tokenId), Filters.eq("username", username)),
                Updates.set("revoked", true)).getMatchedCount() == 1;
    }

    @Override
    public long revokeAll(String username) {
        return tokens.updateMany(Filters.and(Filters.eq("username", username), Filters.eq("revoked", false)),
                Updates.set("revoked", true)).getModifiedCount();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
