/**
 * The embedded stand-ins: a MongoDB server and a Zeebe engine inside the JVM, speaking the
 * real wire protocols, so that the platform reaches them only through the real clients. Both
 * require credentials ({@link io.atrium.runtime.embedded.EngineCredentials}): SCRAM-SHA-256 for
 * MongoDB, HTTP basic authentication on every call to the Zeebe gateway.
 */
package io.atrium.runtime.embedded;
