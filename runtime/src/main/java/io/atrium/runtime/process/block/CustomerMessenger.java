package io.atrium.runtime.process.block;

/**
 * Sends a message to the customer of a contact-center session; the contact center provides it.
 * Until one is registered, the send-message block fails with a message saying so.
 */
public interface CustomerMessenger {

    /**
     * Sends the text once per key.
     *
     * @param key what caused it (the job key), so a repeated job sends nothing more
     * @return the id of the message sent
     */
    String send(String sessionId, String text, String key);
}
