/** The script editor: Monaco with the SDK's typings, publishing with the compiler's errors, and a Run panel. */
package io.atrium.ui.scripts;
