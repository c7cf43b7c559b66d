package io.atrium.platform;

import com.mongodb.client.AggregateIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.CountOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long MongoDB may work on one query that a person's request drives (its {@code maxTimeMS}).
 * A query that needs longer fails with {@link com.mongodb.MongoExecutionTimeoutException}
 * instead of holding the database, and every other request with it, for as long as it takes.
 * Background work (the audit relay, sweeps, publishing checks) is not bounded by it.
 *
 * @param maxTime the limit, at least one millisecond
 */
public record QueryTimeLimit(Duration maxTime) {

    public static final Duration DEFAULT = Duration.ofSeconds(5);

    public QueryTimeLimit {
        if (maxTime == null || maxTime.toMillis() < 1) {
            throw new IllegalArgumentException("the query time limit must be at least 1 ms, not " + maxTime);
        }
    }

    /** The find, bounded by the limit. */
    public <T> FindIterable<T> on(FindIterable<T> find) {
        return find.maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The aggregation, bounded by the limit. */
    public <T> AggregateIterable<T> on(AggregateIterable<T> aggregation) {
        return aggregation.maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Options for a count bounded by the limit. */
    public CountOptions count() {
        return new CountOptions().maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS);
    }
}
