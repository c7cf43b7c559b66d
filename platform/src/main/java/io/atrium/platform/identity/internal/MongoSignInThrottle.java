package io.atrium.platform.identity.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.atrium.platform.identity.SignInThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Counters in the {@code sign_in_attempts} collection, one document per account and address
 * ({@code account:<name>|<address>}) and one per address ({@code address:<address>}), raised with
 * an atomic {@code $inc}. A counter is forgotten a while after its last failure or lock; the
 * stand-in has no TTL indexes, so expired documents are deleted here, at most once a minute.
 */
@Service
class MongoSignInThrottle implements SignInThrottle {

    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final MongoCollection<Document> attempts;
    private final Clock clock;
    private final SignInLimits limits;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    @Autowired
    MongoSignInThrottle(MongoDatabase database,
            @Value("${atrium.sign-in.account-failures:5}") int accountFailures,
            @Value("${atrium.sign-in.address-failures:50}") int addressFailures,
            @Value("${atrium.sign-in.first-delay:1s}") Duration firstDelay,
            @Value("${atrium.sign-in.max-delay:15m}") Duration maxDelay) {
        this(database, Clock.systemUTC(), new SignInLimits(accountFailures, addressFailures, firstDelay, maxDelay,
                Duration.ofMinutes(15)));
    }

    MongoSignInThrottle(MongoDatabase database, Clock clock, SignInLimits limits) {
        this.attempts = database.getCollection("sign_in_attempts");
        // Expired counters also go on their own in both modes; the sweep below stays for the gap before the next pass.
        attempts.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accountKey(username, address), now), lockedUntil(addressKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    @Override
    public int failed(String username, String address) {
        Instant now = clock.instant();
        cleanUpNowAndThen(now);
        int inARow = raise(accountKey(username, address), limits.accountFailures(), now);
        raise(addressKey(address), limits.addressFailures(), now);
        return inARow;
    }

    @Override
    public void succeeded(String username, String address) {
        // only this account from this address: the per-address count is the guard against
        // an attacker who owns one account and guesses at others
        attempts.deleteOne(Filters.eq("_id", accountKey(username, address)));
    }

    /** Counts one failure and, past the threshold, locks the key for a doubling delay. */
    private int raise(String key, int threshold, Instant now) {
        Document current = attempts.find(Filters.eq("_id", key)).first();
        if (current != null && current.getDate("expiresAt").toInstant().isBefore(now)) {
            attempts.deleteOne(Filters.and(Filters.eq("_id", key), Filters.lt("expiresAt", Date.from(now))));
        }
        Document counted = attempts.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now)),
                        Updates.set("expiresAt", Date.from(now.plus(limits.forgetAfter())))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int failures = counted.getInteger("failures", 1);
        if (failures >= threshold) {
            Instant until = now.plus(limits.delayAfter(failures - threshold));
            attempts.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("lockedUntil", Date.from(until)),
                    Updates.set("expiresAt", Date.from(until.plus(limits.forgetAfter())))));
        }
        return failures;
    }

    private Instant lockedUntil(String key, Instant now) {
        Document doc = attempts.find(Filters.eq("_id", key)).first();
        if (doc == null || doc.getDate("lockedUntil") == null || doc.getDate("expiresAt").toInstant().isBefore(now)) {
            return Instant.EPOCH;
        }
        return doc.getDate("lockedUntil").toInstant();
    }

    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_EVERY).isBefore(now) && lastCleanup.compareAndSet(last, now)) {
            attempts.deleteMany(Filters.lt("expiresAt", Date.from(now)));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String accountKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + name + "|" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
