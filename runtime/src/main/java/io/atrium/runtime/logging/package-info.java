/**
 * Logging that request data cannot forge: values placed into log messages have their control
 * characters escaped, so a CR/LF in a username or a path never starts a fake log line.
 */
package io.atrium.runtime.logging;
