/**
 * The contract user scripts program against. Each interface here is what a script sees under a
 * global name; the runtime implements it. TypeScript declarations of the same API ship in
 * {@code io/atrium/sdk/atrium.d.ts}.
 */
package io.atrium.sdk;
