package io.atrium.sdk;

/** {@code NotificationsApi}. Every parameter is JSON text. */
public interface ScriptNotifications {

    String notify(String username, String title, String body, String link);
}
