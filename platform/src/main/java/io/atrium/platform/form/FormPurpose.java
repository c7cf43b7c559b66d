package io.atrium.platform.form;

/** Where a form is shown. An app can have one form of each purpose. */
public enum FormPurpose {
    /** The item card, read. */
    VIEW,
    /** The item card, changed. */
    EDIT,
    /** A new item. */
    CREATE,
    /** A short card, e.g. in a list's preview or the operator's side panel. */
    COMPACT
}
