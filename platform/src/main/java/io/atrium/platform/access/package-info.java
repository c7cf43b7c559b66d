/**
 * Who may do what with apps and items: grants per app and role, item scopes (own, assigned,
 * group), and the one place where every item access is checked.
 */
package io.atrium.platform.access;
