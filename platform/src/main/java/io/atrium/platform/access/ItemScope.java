package io.atrium.platform.access;

/** Which of an app's items a grant covers. */
public enum ItemScope {
    /** Every item. */
    ALL,
    /** Items the actor created. */
    OWN,
    /** Items whose assignee field names the actor (or that the actor created). */
    ASSIGNED,
    /** Items whose group field names one of the actor's groups (or that the actor created). */
    GROUP
}
