/**
 * The one gate for calls the platform makes on user configuration (the HTTP building block,
 * scripts' HTTP client, channel callbacks): addresses that are loopback, private, link-local or
 * cloud metadata are refused unless an administrator allows them.
 */
package io.atrium.runtime.outbound;
