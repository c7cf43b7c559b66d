package io.atrium.platform.form;

/**
 * Where a form is shown. An app has at most one form of each of its own purposes; the others
 * belong to something outside the app (a process's user task, a chat line, a portal page),
 * named by the form's owner, and still show and change the app's items.
 */
public enum FormPurpose {
    /** The item card, read. */
    VIEW(false),
    /** The item card, changed. */
    EDIT(false),
    /** A new item. */
    CREATE(false),
    /** A short card, e.g. in a list's preview or the operator's side panel. */
    COMPACT(false),
    /** A process's user task; the owner names the process and the task. */
    TASK(true),
    /** Asked of a customer before a chat starts; the owner names the line. */
    PRE_CHAT(true),
    /** A page of an external portal; the owner names the portal and the page. */
    PORTAL(true);

    private final boolean owned;

    FormPurpose(boolean owned) {
        this.owned = owned;
    }

    /** Whether forms of this purpose belong to an owner outside the app. */
    public boolean owned() {
        return owned;
    }

    /** Whether a value must be given for every field the app requires (the form creates or changes items). */
    public boolean writes() {
        return this != VIEW && this != COMPACT;
    }
}
