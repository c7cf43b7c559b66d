/** Notifications: short messages to a user (from processes, later from the contact center), read in the shell. */
package io.atrium.platform.notification;
