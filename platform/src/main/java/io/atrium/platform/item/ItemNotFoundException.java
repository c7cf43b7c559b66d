package io.atrium.platform.item;

/** No such item, or none the actor may see (the two are not told apart). */
public class ItemNotFoundException extends RuntimeException {
    public ItemNotFoundException(String message) {
        super(message);
    }
}
