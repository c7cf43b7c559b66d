package io.atrium.runtime.script;

import com.mongodb.MongoExecutionTimeoutException;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.StaleItemException;
import io.atrium.runtime.outbound.OutboundRefusedException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the SDK's host objects read their JSON arguments and answer: {@code {"value": …}}, or
 * {@code {"error": {code, message, field}}} which the bootstrap throws as an {@code AtriumError}.
 * Platform refusals keep their words; anything unexpected is logged here and told to the script
 * only as "failed", so no host detail reaches it.
 */
final class SdkAnswers {

    private static final Logger log = LoggerFactory.getLogger(SdkAnswers.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The largest JSON argument a script may pass to one SDK call. */
    static final int MAX_ARGUMENT = 1024 * 1024;

    /** A refusal of the SDK itself, with its code: a limit reached, an argument of the wrong kind. */
    static final class SdkRefusal extends RuntimeException {
        final String code;
        final String field;

        SdkRefusal(String code, String field, String message) {
            super(message, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    private SdkAnswers() {
    }

    static String answer(Supplier<Object> work) {
        try {
            var out = new LinkedHashMap<String, Object>();
            out.put("value", work.get());
            return JSON.writeValueAsString(out);
        } catch (SdkRefusal e) {
            return error(e.code, e.field, e.getMessage());
        } catch (ValidationException e) {
            String field = e.errors().isEmpty() ? null : e.errors().getFirst().field();
            return error("invalid", field, Messages.text(e.errors(), Locale.ENGLISH));
        } catch (AccessDeniedException e) {
            return error("denied", null, e.getMessage());
        } catch (StaleItemException e) {
            return error("stale", null, e.getMessage());
        } catch (ItemNotFoundException | NoSuchElementException e) {
            return error("not-found", null, Messages.text(e, Locale.ENGLISH));
        } catch (OutboundRefusedException e) {
            return error("outbound-refused", null, e.getMessage());
        } catch (MongoExecutionTimeoutException e) {
            return error("timeout", null, "The query took longer than the platform allows");
        } catch (IllegalArgumentException e) {
            return error("invalid", null, Messages.text(e, Locale.ENGLISH));
        } catch (RuntimeException e) {
            log.warn("A script's platform call failed", e);
            return error("failed", null, "The platform could not do this (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String error(String code, String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", code);
        error.put("message", message == null ? code : message);
        error.put("field", field);
        return JSON.writeValueAsString(Map.of("error", error));
    }

    /** A JSON argument, parsed; a missing argument is JSON null. */
    static JsonNode read(String json, String name) {
        if (json == null) {
            return tools.jackson.databind.node.NullNode.getInstance();
        }
        if (json.length() > MAX_ARGUMENT) {
            throw new SdkRefusal("limit", name, name + " has more than " + MAX_ARGUMENT + " characters");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new SdkRefusal("invalid", name, name + " is not a JSON value");
        }
    }

    static String text(String json, String name, int max, boolean required) {
        JsonNode node = read(json, name);
        if (node.isNull() || node.isMissingNode()) {
            if (required) {
                throw new SdkRefusal("invalid", name, name + " is required");
            }
            return null;
        }
        if (!node.isString()) {
            throw new SdkRefusal("invalid", name, name + " is a string");
        }
        String text = node.asString();
        if (text.length() > max) {
            throw new SdkRefusal("invalid", name, name + " has at most " + max + " characters");
        }
        return text;
    }

    /** An object argument as plain Java values; null (or missing) is an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json, String name) {
        JsonNode node = read(json, name);
        if (node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new SdkRefusal("invalid", name, name + " is an object");
        }
        return JSON.convertValue(node, Map.class);
    }

    /** An optional whole number; null if not given. */
    static Long number(String json, String name) {
        JsonNode node = read(json, name);
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new SdkRefusal("invalid", name, name + " is a whole number");
        }
        return node.asLong();
    }
}
