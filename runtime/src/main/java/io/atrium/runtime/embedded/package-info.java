/**
 * The embedded stand-ins: a MongoDB server and a Zeebe engine inside the JVM, speaking the
 * real wire protocols, so that the platform reaches them only through the real clients.
 */
package io.atrium.runtime.embedded;
