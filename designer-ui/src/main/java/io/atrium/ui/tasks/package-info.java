/**
 * The task inbox: the open tasks of processes a person may work on, each task's page with its
 * form (an Atrium form, a Camunda Form, or none) and an approver's Approve / Reject.
 */
package io.atrium.ui.tasks;
