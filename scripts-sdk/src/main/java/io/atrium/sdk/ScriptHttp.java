package io.atrium.sdk;

/** {@code HttpApi}: outbound HTTP under the platform's address rules. Every parameter is JSON text. */
public interface ScriptHttp {

    String fetch(String url, String init);
}
