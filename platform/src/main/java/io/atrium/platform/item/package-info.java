/**
 * Items: the records of an app, one MongoDB collection per app. Every read and write goes
 * through {@link io.atrium.platform.item.Items}, which checks permissions, validates, audits and
 * publishes events in one place.
 */
package io.atrium.platform.item;
