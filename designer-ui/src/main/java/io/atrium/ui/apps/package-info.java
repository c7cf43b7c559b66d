/**
 * The generated app UI: for every published app an item list (filters, sort, paging, column
 * choice, CSV export) and an item card (view, create, edit) built from its fields; and the app
 * designer where analysts define fields and publish.
 */
package io.atrium.ui.apps;
