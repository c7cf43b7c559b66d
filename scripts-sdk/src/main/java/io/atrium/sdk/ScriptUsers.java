package io.atrium.sdk;

/** {@code UsersApi}: users and groups. Every parameter is JSON text. */
public interface ScriptUsers {

    String get(String username);

    String inGroup(String username, String group);

    String members(String group);
}
