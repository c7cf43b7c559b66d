package io.atrium.sdk;

/** {@code ItemsApi}: app items under the caller's permissions. Every parameter is JSON text. */
public interface ScriptItems {

    String get(String app, String id);

    String search(String app, String query);

    String create(String app, String values);

    String update(String app, String id, String changes, String version);

    String delete(String app, String id, String version);
}
