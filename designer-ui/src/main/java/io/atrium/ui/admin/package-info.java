/** Administration screens: users and groups, and each person's own API tokens. */
package io.atrium.ui.admin;
