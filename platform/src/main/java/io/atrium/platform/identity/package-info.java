/**
 * Who people are and what they may do: user accounts, their roles, and the first
 * administrator created on an empty installation.
 */
package io.atrium.platform.identity;
