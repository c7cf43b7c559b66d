package io.atrium.platform.app;

/**
 * A problem the platform tells by key, so that each reader gets it in their own language:
 * {@link Refusal} for a refused argument, {@link Absence} for something that does not exist.
 */
sealed interface Told permits Refusal, Absence {

    MessageKey key();

    Object[] arguments();
}
