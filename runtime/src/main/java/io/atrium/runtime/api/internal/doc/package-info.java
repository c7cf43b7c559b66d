/**
 * Documentation-only records that mirror the REST API's JSON shapes in its OpenAPI description.
 * The controllers read bodies strictly through their own readers and never bind these types;
 * keep them in step with what those readers accept and what the controllers write.
 */
package io.atrium.runtime.api.internal.doc;
