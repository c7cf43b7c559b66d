package io.atrium.platform.item.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.springframework.stereotype.Component;

/**
 * Paging cursors: where a page ended (the sort value and id of its last item) as an opaque token
 * the next request hands back. The next page continues after that pair, so inserts and deletes
 * between pages neither repeat nor skip items.
 *
 * <p>A cursor is the app, sort path, direction, value and id in BSON, followed by an
 * HMAC-SHA256 of them under the server's {@link CursorKey}, base64url-encoded. The MAC is
 * checked before anything is parsed, and the value is accepted only as a scalar of the sort
 * field's kind, so a cursor never carries query syntax and a cursor of another listing is
 * refused.
 */
@Component
public class Cursors {

    /** Longer tokens are refused unread; no cursor this class writes comes near it. */
    static final int MAX_LENGTH = 4096;
    /** Longer text sort values (in UTF-8 bytes) are not copied into the cursor but read back from the item. */
    static final int MAX_INLINE_TEXT = 1024;
    private static final int MAX_ID = 128;
    private static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<String> WITH_VALUE = Set.of("a", "s", "d", "i", "v");
    private static final Set<String> VALUE_BY_ID = Set.of("a", "s", "d", "i", "l");

    private final CursorKey key;
    private final ItemCollections collections;
    private final QueryTimeLimit timeLimit;

    public Cursors(CursorKey key, ItemCollections collections, QueryTimeLimit timeLimit) {
        this.key = key;
        this.collections = collections;
        this.timeLimit = timeLimit;
    }

    /** The cursor of the page that ends with {@code last}. */
    public String after(AppRef app, SortKey sort, boolean descending, Document last) {
        Object value = valueAt(last, sort.path());
        var payload = new BsonDocument("a", new BsonString(app.toString()))
                .append("s", new BsonString(sort.path()))
                .append("d", BsonBoolean.valueOf(descending))
                .append("i", new BsonString(last.getString("_id")));
        if (value instanceof String text && !inline(text)) {
            payload.append("l", BsonBoolean.TRUE);
        } else {
            payload.append("v", bson(value, sort));
        }
        byte[] bytes = bytes(payload);
        byte[] token = Arrays.copyOf(bytes, bytes.length + MAC_BYTES);
        System.arraycopy(sign(bytes), 0, token, bytes.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * The query clause that selects what comes after the cursor in the given order.
     *
     * @throws ValidationException if the cursor was not made by this server for this listing
     */
    public Bson continuation(String cursor, AppRef app, SortKey sort, boolean descending) {
        BsonDocument payload = verified(cursor);
        if (!payload.keySet().equals(WITH_VALUE) && !payload.keySet().equals(VALUE_BY_ID)
                || !payload.get("a").equals(new BsonString(app.toString()))
                || !payload.get("s").equals(new BsonString(sort.path()))
                || !payload.get("d").equals(BsonBoolean.valueOf(descending))) {
            throw invalid(MessageKey.CURSOR_OTHER_LISTING);
        }
        if (!(payload.get("i") instanceof BsonString idValue) || idValue.getValue().isEmpty()
                || idValue.getValue().length() > MAX_ID) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        String id = idValue.getValue();
        Object value = payload.containsKey("v") ? value(payload.get("v"), sort.kind()) : storedValue(app, sort, id);
        return clause(sort.path(), descending, value, id);
    }

    /** The stored value at a dotted path of a document, or null. */
    static Object valueAt(Document doc, String path) {
        Object current = doc;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document d)) {
                return null;
            }
            current = d.get(part);
        }
        return current;
    }

    private static boolean inline(String text) {
        return text.length() <= MAX_INLINE_TEXT && text.getBytes(StandardCharsets.UTF_8).length <= MAX_INLINE_TEXT;
    }

    private static Bson clause(String sortPath, boolean descending, Object value, String id) {
        Bson sameValueLaterId = Filters.and(Filters.eq(sortPath, value),
                descending ? Filters.lt("_id", id) : Filters.gt("_id", id));
        if (value == null) { // nulls sort first: after a null come later nulls, then every value
            return descending ? sameValueLaterId : Filters.or(sameValueLaterId, Filters.ne(sortPath, null));
        }
        Bson beyond = descending ? Filters.lt(sortPath, value) : Filters.gt(sortPath, value);
        if (descending) {
            return Filters.or(beyond, sameValueLaterId, Filters.eq(sortPath, null));
        }
        return Filters.or(beyond, sameValueLaterId);
    }

    /** The payload of a cursor whose MAC is right; the length and MAC are checked before any parsing. */
    private BsonDocument verified(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        if (token.length <= MAC_BYTES) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length);
        if (!MessageDigest.isEqual(sign(payload), mac)) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        try (var reader = new BsonBinaryReader(ByteBuffer.wrap(payload))) {
            return new BsonDocumentCodec().decode(reader, DecoderContext.builder().build());
        } catch (RuntimeException e) { // signed by us, so only a format change could get here
            throw invalid(MessageKey.CURSOR_INVALID);
        }
    }

    /** The sort value as the field's kind stores it; anything else is refused. */
    private static Object value(BsonValue value, SortKey.Kind kind) {
        if (value.isNull()) {
            return null;
        }
        Object typed = switch (kind) {
            case TEXT -> value.isString() && inline(value.asString().getValue()) ? value.asString().getValue() : null;
            case NUMBER -> value.isInt64() ? (Object) value.asInt64().getValue()
                    : value.isInt32() ? (Object) value.asInt32().getValue()
                    : value.isDouble() && Double.isFinite(value.asDouble().getValue())
                            ? (Object) value.asDouble().getValue() : null;
            case INSTANT -> value.isDateTime() ? new Date(value.asDateTime().getValue()) : null;
            case BOOLEAN -> value.isBoolean() ? value.asBoolean().getValue() : null;
        };
        if (typed == null) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        return typed;
    }

    private static BsonValue bson(Object value, SortKey sort) {
        BsonValue bson = switch (value) {
            case null -> BsonNull.VALUE;
            case String s when sort.kind() == SortKey.Kind.TEXT -> new BsonString(s);
            case Long n when sort.kind() == SortKey.Kind.NUMBER -> new BsonInt64(n);
            case Integer n when sort.kind() == SortKey.Kind.NUMBER -> new BsonInt32(n);
            case Double n when sort.kind() == SortKey.Kind.NUMBER -> new BsonDouble(n);
            case Date d when sort.kind() == SortKey.Kind.INSTANT -> new BsonDateTime(d.getTime());
            case Boolean b when sort.kind() == SortKey.Kind.BOOLEAN -> BsonBoolean.valueOf(b);
            default -> null;
        };
        if (bson == null) {
            throw new IllegalStateException("An item holds a " + value.getClass().getSimpleName() + " in "
                    + sort.field() + ", which sorts by " + sort.kind() + " values");
        }
        return bson;
    }

    /** A long text sort value, read back from the item the cursor names (items are only ever soft-deleted). */
    private Object storedValue(AppRef app, SortKey sort, String id) {
        if (sort.kind() != SortKey.Kind.TEXT) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        Document item = timeLimit.on(collections.of(app).find(Filters.eq("_id", id))
                .projection(Projections.include(sort.path()))).first();
        if (item == null || !(valueAt(item, sort.path()) instanceof String text)) {
            throw invalid(MessageKey.CURSOR_INVALID);
        }
        return text;
    }

    private static byte[] bytes(BsonDocument document) {
        try (var buffer = new BasicOutputBuffer(); var writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
            return buffer.toByteArray();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static ValidationException invalid(MessageKey message) {
        return new ValidationException(List.of(FieldError.of("after", "cursor", message)));
    }
}
