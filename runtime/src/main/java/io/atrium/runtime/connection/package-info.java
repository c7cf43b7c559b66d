/**
 * How the platform reaches MongoDB and Zeebe: external servers when configured, otherwise the
 * embedded stand-ins started here. Either way only the real MongoDB driver and the real Camunda
 * client are used; health indicators report whether each really answers.
 */
package io.atrium.runtime.connection;
