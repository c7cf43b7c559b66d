package io.atrium.runtime.outbound;

/** A call from user configuration was refused before it left: the address is not one it may reach. */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
