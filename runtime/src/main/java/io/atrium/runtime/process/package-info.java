/**
 * Processes on Zeebe: deploying published versions ({@code deploy}), the no-code building blocks
 * as job workers ({@code block}), instances and what the engine reports of them
 * ({@code instance}), and the platform's task inbox for user tasks ({@code task}).
 */
package io.atrium.runtime.process;
