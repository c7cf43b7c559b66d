package io.atrium.platform.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a new version can be applied to the items already stored, and which stored values
 * change with it. What cannot follow is refused with a message naming the field.
 *
 * @param errors what stored items cannot follow
 * @param fills  values to fill in for items that lack a newly required field
 */
public record PublishPlan(List<FieldError> errors, List<PublishPlan.Fill> fills) {

    /** Type changes existing values can follow as they are. */
    private static final Map<FieldType, Set<FieldType>> COMPATIBLE = Map.of(
            FieldType.STRING, EnumSet.of(FieldType.TEXT),
            FieldType.TEXT, EnumSet.of(FieldType.STRING),
            FieldType.EMAIL, EnumSet.of(FieldType.STRING, FieldType.TEXT),
            FieldType.PHONE, EnumSet.of(FieldType.STRING, FieldType.TEXT),
            FieldType.CHOICE, EnumSet.of(FieldType.STRING, FieldType.TEXT),
            FieldType.STATUS, EnumSet.of(FieldType.STRING, FieldType.TEXT, FieldType.CHOICE));

    /** A stored value to fill in for items that lack it. */
    public record Fill(String field, Object value) {
    }

    public PublishPlan {
        errors = List.copyOf(errors);
        fills = List.copyOf(fills);
    }

    /** The plan for a first version: nothing is stored yet. */
    public static PublishPlan none() {
        return new PublishPlan(List.of(), List.of());
    }

    /** Compares the current version with the next one against what items hold. */
    public static PublishPlan between(AppDefinition previous, AppDefinition next, StoredItems items) {
        var values = new FieldValues();
        var errors = new ArrayList<FieldError>();
        var fills = new ArrayList<Fill>();
        AppRef ref = next.ref();
        for (FieldDefinition field : next.fields()) {
            var before = previous.field(field.code()).orElse(null);
            boolean changedShape = before == null || before.type() != field.type()
                    || before.multiple() != field.multiple()
                    || (field.type() == FieldType.REFERENCE && !field.target().equals(before.target()));
            if (before != null && changedShape && !follows(before, field) && items.anyHasValue(ref, field.code())) {
                errors.add(FieldError.of(field.code(), "incompatible", MessageKey.PUBLISH_INCOMPATIBLE,
                        describe(before), describe(field)));
                continue;
            }
            if (before == null && items.anyHasValue(ref, field.code())) {
                // a field of that code was removed earlier and its old values are still stored
                errors.add(FieldError.of(field.code(), "incompatible", MessageKey.PUBLISH_EARLIER_FIELD));
                continue;
            }
            if (field.type() == FieldType.CHOICE && items.anyHasValueOutside(ref, field.code(),
                    field.options().stream().map(FieldDefinition.ChoiceOption::code).toList())) {
                errors.add(FieldError.of(field.code(), "options", MessageKey.PUBLISH_OPTIONS));
            }
            if (field.type() == FieldType.STATUS && field.status() != null && items.anyHasValueOutside(ref,
                    field.code(), field.status().states().stream().map(FieldDefinition.ChoiceOption::code).toList())) {
                errors.add(FieldError.of(field.code(), "states", MessageKey.PUBLISH_STATES));
            }
            int limit = field.maxLength() != null ? field.maxLength()
                    : field.type() == FieldType.STRING ? FieldValues.STRING_MAX : FieldValues.TEXT_MAX;
            if ((field.type() == FieldType.STRING || field.type() == FieldType.TEXT) && before != null
                    && items.anyLongerThan(ref, field.code(), limit)) {
                errors.add(FieldError.of(field.code(), "maxLength", MessageKey.PUBLISH_MAX_LENGTH, limit));
            }
            boolean newlyRequired = field.required() && (before == null || !before.required());
            if (newlyRequired && items.anyLacksValue(ref, field.code())) {
                var fillErrors = new ArrayList<FieldError>();
                Object fill = field.defaultValue() == null ? null
                        : values.normalize(field, field.defaultValue(), field.code(), fillErrors).orElse(null);
                if (fill == null) {
                    errors.add(FieldError.of(field.code(), "required", MessageKey.PUBLISH_REQUIRED));
                } else {
                    fills.add(new Fill(field.code(), fill));
                }
            }
        }
        return new PublishPlan(errors, fills);
    }

    private static boolean follows(FieldDefinition before, FieldDefinition after) {
        return before.multiple() == after.multiple()
                && COMPATIBLE.getOrDefault(before.type(), Set.of()).contains(after.type());
    }

    private static String describe(FieldDefinition field) {
        return (field.multiple() ? "multiple " : "") + field.type().name().toLowerCase().replace('_', '-');
    }
}
