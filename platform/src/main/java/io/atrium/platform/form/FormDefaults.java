package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * The form an app has before an analyst designs one: its fields in order, two to a row, with
 * tables and long texts across the whole row.
 */
public final class FormDefaults {

    private FormDefaults() {
    }

    public static FormDefinition of(AppDefinition app, FormPurpose purpose) {
        return of(app, new FormRef(app.ref(), purpose));
    }

    /** The generated form under the given name, e.g. for a task form not designed yet. */
    public static FormDefinition of(AppDefinition app, FormRef ref) {
        var elements = new ArrayList<FormElement>();
        var pending = new ArrayList<FieldDefinition>();
        for (FieldDefinition field : app.fields()) {
            if (field.type() == FieldType.TABLE || field.type() == FieldType.TEXT) {
                flush(pending, elements);
                elements.add(widget(field));
            } else {
                pending.add(field);
                if (pending.size() == 2) {
                    flush(pending, elements);
                }
            }
        }
        flush(pending, elements);
        return new FormDefinition(ref, app.name(), elements);
    }

    private static void flush(List<FieldDefinition> pending, List<FormElement> elements) {
        if (pending.isEmpty()) {
            return;
        }
        var columns = new ArrayList<FormElement.Column>();
        for (FieldDefinition field : pending) {
            columns.add(new FormElement.Column("column-" + field.code(), FormElement.Row.GRID / 2,
                    List.of(widget(field)), null, null));
        }
        elements.add(new FormElement.Row("row-" + pending.getFirst().code(), columns, null, null));
        pending.clear();
    }

    private static FormElement.Field widget(FieldDefinition field) {
        return new FormElement.Field("field-" + field.code(), field.code(), null, null, false, false, null, null);
    }
}
