/**
 * Forms: how an app's items are laid out for people — tabs, blocks, rows and columns of field
 * widgets, texts, related lists and buttons — with conditions on other fields' values and on
 * the viewer's role. Versioned like apps; exchanged with Camunda Forms (form-js) schemas.
 */
package io.atrium.platform.form;
