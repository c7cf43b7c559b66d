/**
 * What every kind of definition (apps, forms, later processes and bots) shares: a draft per
 * definition and immutable numbered versions, one of which is current.
 */
package io.atrium.platform.definition;
