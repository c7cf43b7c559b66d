/**
 * The engines that execute the metadata: processes on Zeebe, scripts in GraalJS, the embedded
 * MongoDB and Zeebe stand-ins, the REST API. Runs headless; knows nothing of Vaadin.
 */
package io.atrium.runtime;
