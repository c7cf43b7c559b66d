package io.atrium.sdk;

/** {@code SessionsApi}: contact-center sessions; the contact center fills it. Every parameter is JSON text. */
public interface ScriptSessions {

    String send(String session, String text);
}
