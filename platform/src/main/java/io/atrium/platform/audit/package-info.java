/** Who created, changed (old and new values) and deleted what, and when. */
package io.atrium.platform.audit;
