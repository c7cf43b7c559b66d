/**
 * The scripts SDK as the runtime exports it to GraalJS: one interface per API of
 * {@code atrium.d.ts} ({@code ScriptItems} is {@code ItemsApi}, and so on), with the same members
 * and parameters. Structured values cross as JSON text in both directions, so a script never
 * holds a host object: the runtime's bootstrap encodes each argument with {@code JSON.stringify}
 * and decodes each answer. An answer is {@code {"value": …}} or
 * {@code {"error": {"code": …, "message": …, "field": …}}}, which the bootstrap throws as an
 * {@code AtriumError}. {@link io.atrium.sdk.ScriptLog} alone takes plain text.
 */
package io.atrium.sdk;
