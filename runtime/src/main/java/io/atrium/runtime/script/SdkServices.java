package io.atrium.runtime.script;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemPage;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.CustomerMessenger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the SDK's host objects call, narrowed to what they use. In the platform these are its
 * services ({@link ScriptConfiguration} adapts them); the script harness gives in-memory ones. The
 * hosts check arguments and turn refusals into SDK errors themselves, so a script meets the same
 * SDK either way.
 *
 * @param messenger the contact center's messenger, or null while none is registered
 */
public record SdkServices(ItemStore items, Accounts users, Notifier notifications, Processes processes,
        Supplier<CustomerMessenger> messenger, Transport http) {

    /** Items as {@code io.atrium.platform.item.Items} keeps them, with its checks and its exceptions. */
    public interface ItemStore {
        Item get(Actor actor, AppRef app, String id);

        ItemPage search(Actor actor, AppRef app, ItemQuery query);

        Item create(Actor actor, AppRef app, Map<String, ?> values);

        /** @throws io.atrium.platform.item.StaleItemException if the item is not at the expected version */
        Item update(Actor actor, AppRef app, String id, long expectedVersion, Map<String, ?> changes);

        Item delete(Actor actor, AppRef app, String id, long expectedVersion);
    }

    /** The accounts a script may read about. */
    public interface Accounts {
        Optional<UserAccount> findByUsername(String username);

        List<UserAccount> all();
    }

    /** Puts a notification in a user's bell, once per key. */
    public interface Notifier {
        void send(String key, String recipient, String text, String link);
    }

    /** Process starts and messages. */
    public interface Processes {
        boolean mayStart(Actor actor);

        /** Starts the current version as the actor and answers the instance's key. */
        long start(Actor actor, ProcessRef process, Map<String, Object> variables);

        void publishMessage(String name, String correlationKey, String id, Map<String, Object> variables);
    }

    /** Where the SDK's HTTP requests go once {@link SdkHttp} has checked them. */
    public interface Transport {
        /**
         * Refuses an address the call may not go to, before anything else about it is checked.
         *
         * @throws io.atrium.runtime.outbound.OutboundRefusedException naming why
         */
        void admit(URI uri);

        /**
         * Sends the request and answers the response with its body unread.
         *
         * @param body the request's body as text, or null (the request carries it too)
         * @throws IOException if no answer came
         */
        Response send(HttpRequest request, String body) throws IOException, InterruptedException;
    }

    /** An answer to an HTTP request; header names as they came. */
    public record Response(int status, Map<String, List<String>> headers, InputStream body) {
    }
}
