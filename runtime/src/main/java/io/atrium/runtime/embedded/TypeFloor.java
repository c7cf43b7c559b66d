package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * A scan bound that sorts before every value of one BSON type bracket and after every value of
 * the brackets before it, so a range such as {@code $gt: 5} stops where the numbers end, as
 * MongoDB's type bracketing (and the stand-in's matcher) does. Never stored.
 */
record TypeFloor(int rank) {

    /** The bracket of a value in MongoDB's comparison order. */
    static int rank(Object value) {
        return switch (value) {
            case null -> 0;
            case Missing missing -> 0;
            case MinKey minKey -> -1;
            case Number number -> 1;
            case String string -> 2;
            case Document document -> 3;
            case Collection<?> collection -> 4;
            case BinData binData -> 5;
            case LegacyUUID legacy -> 6;
            case UUID uuid -> 7;
            case ObjectId objectId -> 8;
            case Boolean bool -> 9;
            case Instant instant -> 10;
            case BsonTimestamp timestamp -> 11;
            case BsonRegularExpression regex -> 12;
            case MaxKey maxKey -> 13;
            default -> 14;
        };
    }

    /** Values a range can be bounded by: those with a bracket of their own the index orders within. */
    static boolean isRangeValue(Object value) {
        return switch (value) {
            case Double d -> !d.isNaN();
            case Float f -> !f.isNaN();
            case Number number -> true;
            case String string -> true;
            case ObjectId objectId -> true;
            case Boolean bool -> true;
            case Instant instant -> true;
            case null, default -> false;
        };
    }

    /** Values an equality can look up: the range values and null (which also finds missing fields). */
    static boolean isPointValue(Object value) {
        return value == null || isRangeValue(value);
    }
}
