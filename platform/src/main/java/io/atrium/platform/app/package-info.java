/**
 * Apps: typed collections of items in workspaces. An app definition has a draft that analysts
 * edit and immutable published versions; items are validated against the version they are
 * written with.
 */
package io.atrium.platform.app;
