/** Authentication of platform users against the user directory, shared by the UI and the REST API. */
package io.atrium.runtime.security;
