package io.atrium.runtime.script;

import static io.atrium.runtime.script.SdkAnswers.answer;
import static io.atrium.runtime.script.SdkAnswers.number;
import static io.atrium.runtime.script.SdkAnswers.object;
import static io.atrium.runtime.script.SdkAnswers.read;
import static io.atrium.runtime.script.SdkAnswers.text;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.item.ItemFilterJson;
import io.atrium.platform.item.ItemJson;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.PlainValues;
import io.atrium.platform.notification.Notifications;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.CustomerMessenger;
import io.atrium.sdk.ScriptContext;
import io.atrium.sdk.ScriptItems;
import io.atrium.sdk.ScriptLog;
import io.atrium.sdk.ScriptNotifications;
import io.atrium.sdk.ScriptProcesses;
import io.atrium.sdk.ScriptSessions;
import io.atrium.sdk.ScriptUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's host objects for one sandbox context. They are made once per context and read the
 * call that is running in it from {@link Holder}; every platform call is made as that call's
 * actor, through the same services (and so the same checks and audit) as the REST API.
 */
public final class SdkHosts {

    /** The call running in a context; set before each call and cleared after it. */
    static final class Holder {
        private volatile ScriptCall call;

        ScriptCall call() {
            ScriptCall current = call;
            if (current == null) {
                throw new IllegalStateException("No script call is running in this context");
            }
            return current;
        }

        void set(ScriptCall running) {
            this.call = running;
        }
    }

    private SdkHosts() {
    }

    /** The members of each API, as the bootstrap wraps them (the SDK interfaces' methods). */
    static Map<String, Map<String, Integer>> memberNames() {
        var names = new LinkedHashMap<String, Map<String, Integer>>();
        names.put("items", methods(ScriptItems.class));
        names.put("users", methods(ScriptUsers.class));
        names.put("notifications", methods(ScriptNotifications.class));
        names.put("processes", methods(ScriptProcesses.class));
        names.put("sessions", methods(ScriptSessions.class));
        return names;
    }

    /** Each method by name with how many arguments it takes, so the bootstrap can fill left-out ones. */
    private static Map<String, Integer> methods(Class<?> api) {
        var out = new java.util.TreeMap<String, Integer>();
        for (var method : api.getDeclaredMethods()) {
            out.merge(method.getName(), method.getParameterCount(), Math::max);
        }
        return out;
    }

    /** The host objects the bootstrap receives, by the name it knows them by. */
    static Map<String, Object> create(Holder holder, SdkServices services) {
        var hosts = new LinkedHashMap<String, Object>();
        hosts.put("context", new Context(holder));
        hosts.put("items", new ItemsHost(holder, services.items()));
        hosts.put("http", new HttpHost(holder, new SdkHttp(services.http())));
        hosts.put("users", new UsersHost(holder, services.users()));
        hosts.put("notifications", new NotificationsHost(holder, services.notifications()));
        hosts.put("processes", new ProcessesHost(holder, services.processes()));
        hosts.put("sessions", new SessionsHost(holder, services.messenger()));
        hosts.put("log", new LogHost(holder));
        return hosts;
    }

    public static final class Context implements ScriptContext {
        private final Holder holder;

        Context(Holder holder) {
            this.holder = holder;
        }

        @Override
        @HostAccess.Export
        public String current() {
            ScriptCall call = holder.call();
            var user = new LinkedHashMap<String, Object>();
            user.put("username", call.actor().username());
            user.put("roles", call.actor().roles().stream().map(Role::name).sorted().toList());
            user.put("groups", call.actor().groups().stream().sorted().toList());
            var out = new LinkedHashMap<String, Object>();
            out.put("binding", call.binding());
            out.put("user", user);
            out.put("app", call.app() == null ? null : call.app().toString());
            out.put("item", call.item() == null ? null : ItemJson.write(call.item()));
            out.put("variables", PlainValues.of(call.variables()));
            out.put("session", call.session());
            return SdkAnswers.JSON.writeValueAsString(out);
        }
    }

    public static final class ItemsHost implements ScriptItems {
        private final Holder holder;
        private final SdkServices.ItemStore items;

        ItemsHost(Holder holder, SdkServices.ItemStore items) {
            this.holder = holder;
            this.items = items;
        }

        private static AppRef app(String json) {
            return AppRef.parse(text(json, "app", 200, true));
        }

        @Override
        @HostAccess.Export
        public String get(String app, String id) {
            return answer(() -> {
                var ref = app(app);
                String itemId = text(id, "id", 100, true);
                try {
                    return ItemJson.write(items.get(holder.call().actor(), ref, itemId));
                } catch (io.atrium.platform.item.ItemNotFoundException | java.util.NoSuchElementException e) {
                    return null;
                }
            });
        }

        @Override
        @HostAccess.Export
        public String search(String app, String query) {
            return answer(() -> {
                var ref = app(app);
                JsonNode q = read(query, "query");
                if (!q.isNull() && !q.isObject()) {
                    throw new SdkAnswers.SdkRefusal("invalid", "query", "query is an object");
                }
                var filter = ItemFilterJson.read(q.get("filter"));
                String sort = q.hasNonNull("sort") ? q.get("sort").asString() : null;
                boolean descending = q.hasNonNull("descending") && q.get("descending").asBoolean();
                int limit = q.hasNonNull("limit") ? q.get("limit").asInt() : 50;
                if (limit < 1 || limit > 200) {
                    throw new SdkAnswers.SdkRefusal("invalid", "limit", "limit is 1 to 200");
                }
                String after = q.hasNonNull("after") ? q.get("after").asString() : null;
                var page = items.search(holder.call().actor(), ref, new ItemQuery(filter, sort, descending, limit, after));
                var out = new LinkedHashMap<String, Object>();
                out.put("items", page.items().stream().map(ItemJson::write).toList());
                out.put("next", page.next());
                return out;
            });
        }

        @Override
        @HostAccess.Export
        public String create(String app, String values) {
            return answer(() -> ItemJson.write(items.create(holder.call().actor(), app(app), object(values, "values"))));
        }

        @Override
        @HostAccess.Export
        public String update(String app, String id, String changes, String version) {
            return answer(() -> {
                var target = target(app, id, version);
                return ItemJson.write(items.update(target.actor(), target.app(), target.id(), target.version(),
                        object(changes, "changes")));
            });
        }

        @Override
        @HostAccess.Export
        public String delete(String app, String id, String version) {
            return answer(() -> {
                var target = target(app, id, version);
                return ItemJson.write(items.delete(target.actor(), target.app(), target.id(), target.version()));
            });
        }

        /** The item a write names, with the version it expects: the one given, or else the current one. */
        private Target target(String app, String id, String version) {
            var ref = app(app);
            String itemId = text(id, "id", 100, true);
            var actor = holder.call().actor();
            Long expected = number(version, "version");
            return new Target(actor, ref, itemId, expected != null ? expected : items.get(actor, ref, itemId).version());
        }

        private record Target(io.atrium.platform.access.Actor actor, AppRef app, String id, long version) {
        }
    }

    public static final class HttpHost implements io.atrium.sdk.ScriptHttp {
        private final Holder holder;
        private final SdkHttp http;

        HttpHost(Holder holder, SdkHttp http) {
            this.holder = holder;
            this.http = http;
        }

        @Override
        @HostAccess.Export
        public String fetch(String url, String init) {
            return answer(() -> {
                ScriptCall call = holder.call();
                if (call.httpCalls().incrementAndGet() > call.limits().httpCalls()) {
                    throw new SdkAnswers.SdkRefusal("limit", null, "A call of a script makes at most "
                            + call.limits().httpCalls() + " HTTP calls");
                }
                return http.fetch(text(url, "url", 4096, true), read(init, "init"));
            });
        }
    }

    public static final class UsersHost implements ScriptUsers {
        private final Holder holder;
        private final SdkServices.Accounts users;

        UsersHost(Holder holder, SdkServices.Accounts users) {
            this.holder = holder;
            this.users = users;
        }

        /** Staff read who is who; a script run for a portal user does not. */
        private void requireStaff() {
            var actor = holder.call().actor();
            if (actor.roles().isEmpty() || (actor.roles().size() == 1 && actor.has(Role.PORTAL_USER))) {
                throw new AccessDeniedException(actor.username() + " may not read users");
            }
        }

        private static Map<String, Object> write(UserAccount account) {
            var out = new LinkedHashMap<String, Object>();
            out.put("username", account.username());
            out.put("displayName", account.displayName());
            out.put("groups", account.groups().stream().sorted().toList());
            out.put("roles", account.roles().stream().map(Role::name).sorted().toList());
            return out;
        }

        @Override
        @HostAccess.Export
        public String get(String username) {
            return answer(() -> {
                requireStaff();
                return users.findByUsername(text(username, "username", 64, true)).filter(UserAccount::enabled)
                        .map(UsersHost::write).orElse(null);
            });
        }

        @Override
        @HostAccess.Export
        public String inGroup(String username, String group) {
            return answer(() -> {
                requireStaff();
                String code = text(group, "group", 64, true);
                return users.findByUsername(text(username, "username", 64, true))
                        .map(a -> a.enabled() && a.groups().contains(code)).orElse(false);
            });
        }

        @Override
        @HostAccess.Export
        public String members(String group) {
            return answer(() -> {
                requireStaff();
                String code = text(group, "group", 64, true);
                return users.all().stream().filter(a -> a.enabled() && a.groups().contains(code))
                        .map(UsersHost::write).toList();
            });
        }
    }

    public static final class NotificationsHost implements ScriptNotifications {
        private final Holder holder;
        private final SdkServices.Notifier notifications;

        NotificationsHost(Holder holder, SdkServices.Notifier notifications) {
            this.holder = holder;
            this.notifications = notifications;
        }

        @Override
        @HostAccess.Export
        public String notify(String username, String title, String body, String link) {
            return answer(() -> {
                String to = text(username, "username", 64, true);
                String heading = text(title, "title", 200, true);
                String more = text(body, "body", Notifications.MAX_TEXT, false);
                String path = text(link, "link", 500, false);
                if (path != null && !path.startsWith("/")) {
                    throw new SdkAnswers.SdkRefusal("invalid", "link", "link is a path in the app, starting with /");
                }
                String message = more == null || more.isBlank() ? heading : heading + "\n" + more;
                if (message.length() > Notifications.MAX_TEXT) {
                    throw new SdkAnswers.SdkRefusal("invalid", "body", "A notification has at most "
                            + Notifications.MAX_TEXT + " characters");
                }
                notifications.send("script:" + UUID.randomUUID(), to, message, path);
                return null;
            });
        }
    }

    public static final class ProcessesHost implements ScriptProcesses {
        private final Holder holder;
        private final SdkServices.Processes processes;

        ProcessesHost(Holder holder, SdkServices.Processes processes) {
            this.holder = holder;
            this.processes = processes;
        }

        @Override
        @HostAccess.Export
        public String start(String process, String variables) {
            return answer(() -> {
                long key = processes.start(holder.call().actor(), ProcessRef.parse(text(process, "process", 200, true)),
                        object(variables, "variables"));
                return Map.of("key", Long.toString(key));
            });
        }

        @Override
        @HostAccess.Export
        public String publishMessage(String name, String correlationKey, String variables) {
            return answer(() -> {
                var actor = holder.call().actor();
                if (!processes.mayStart(actor)) {
                    throw new AccessDeniedException(actor.username() + " may not publish process messages");
                }
                processes.publishMessage(text(name, "name", 200, true), text(correlationKey, "correlationKey", 200, true),
                        "script:" + UUID.randomUUID(), object(variables, "variables"));
                return null;
            });
        }
    }

    public static final class SessionsHost implements ScriptSessions {
        private final Holder holder;
        private final Supplier<CustomerMessenger> messenger;

        SessionsHost(Holder holder, Supplier<CustomerMessenger> messenger) {
            this.holder = holder;
            this.messenger = messenger;
        }

        @Override
        @HostAccess.Export
        public String send(String session, String text) {
            return answer(() -> {
                holder.call();
                var to = messenger.get();
                if (to == null) {
                    throw new SdkAnswers.SdkRefusal("unavailable", null,
                            "Sending to a session needs the contact center, which this platform does not run yet");
                }
                return to.send(text(session, "session", 100, true), text(text, "text", 4096, true),
                        "script:" + UUID.randomUUID());
            });
        }
    }

    public static final class LogHost implements ScriptLog {
        private final Holder holder;

        LogHost(Holder holder) {
            this.holder = holder;
        }

        @Override
        @HostAccess.Export
        public void info(String message) {
            holder.call().log().info(message);
        }

        @Override
        @HostAccess.Export
        public void warn(String message) {
            holder.call().log().warn(message);
        }

        @Override
        @HostAccess.Export
        public void error(String message) {
            holder.call().log().error(message);
        }
    }
}
