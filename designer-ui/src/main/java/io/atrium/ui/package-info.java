/** The Vaadin Flow web UI: the shell, sign-in, designers and the generated apps. */
package io.atrium.ui;
