/**
 * The kernel of Atrium: metadata, the item store, identities and permissions, audit and
 * MongoDB access. Knows nothing of Vaadin, Zeebe or GraalJS.
 */
package io.atrium.platform;
