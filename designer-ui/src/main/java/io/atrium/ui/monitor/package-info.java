/**
 * Process monitoring: the list of process instances with filters, and an instance's view that
 * colours its diagram where it stands and where it went, with its variables, history and
 * incidents, retry and cancel; live while it runs.
 */
package io.atrium.ui.monitor;
