/**
 * The designer hub: one list of everything analysts build, with where each definition stands
 * and the ways into its designers. Kinds of definition plug in as {@link io.atrium.ui.hub.HubSource} beans.
 */
package io.atrium.ui.hub;
