/**
 * Solution packages shipped with Atrium (the Service solution, bot scenarios, processes) as
 * data files under {@code templates/}; the runtime imports them.
 */
package io.atrium.templates;
