package io.atrium.sdk;

/** {@code ProcessesApi}: starting processes and publishing messages. Every parameter is JSON text. */
public interface ScriptProcesses {

    String start(String process, String variables);

    String publishMessage(String name, String correlationKey, String variables);
}
