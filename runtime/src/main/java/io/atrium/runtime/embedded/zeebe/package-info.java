/**
 * Durable storage for the embedded Zeebe engine: an append-only log in segment files, fsynced
 * before a record is visible to the engine (so nothing acknowledged is lost), and RocksDB state
 * snapshots after which old log segments are deleted (so restart time and disk use do not grow
 * with history). The layout follows Zeebe's own broker: state is rebuilt on start from the
 * latest snapshot plus the log after it.
 */
package io.atrium.runtime.embedded.zeebe;
