package io.atrium.ui.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.item.ItemFilter;
import io.atrium.ui.apps.ListFilterQuery.Condition;
import io.atrium.ui.apps.ListFilterQuery.Operator;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListFilterQueryTest {

    private static final AppDefinition CONTACTS = new AppDefinition(new AppRef("crm", "contacts"), null, List.of(
            FieldDefinition.of("name", FieldType.STRING),
            new FieldDefinition("kind", FieldType.CHOICE, null, false, false, false, false, null, false, List.of(
                    new FieldDefinition.ChoiceOption("lead", LocalizedText.of("Lead")),
                    new FieldDefinition.ChoiceOption("customer", LocalizedText.of("Customer"))), null, null, null,
                    null),
            new FieldDefinition("company", FieldType.REFERENCE, null, false, false, false, false, null, false, null,
                    new AppRef("crm", "companies"), null, null, null),
            FieldDefinition.of("owner", FieldType.USER),
            FieldDefinition.of("due", FieldType.DATE),
            FieldDefinition.of("met", FieldType.DATE_TIME),
            FieldDefinition.of("vip", FieldType.BOOLEAN),
            FieldDefinition.of("amount", FieldType.MONEY)));

    @Test
    void shouldWriteConditionsAndTextAsQueryParameters() {
        // given
        var query = new ListFilterQuery("acme", List.of(
                new Condition("kind", Operator.IN, List.of("customer", "lead")),
                new Condition("company", Operator.EQ, List.of("c1")),
                new Condition("due", Operator.RANGE, List.of("2026-01-01", ""))));

        // when
        var parameters = query.encode();

        // then
        assertThat(parameters).containsExactly(Map.entry("q", List.of("acme")), Map.entry("f", List.of(
                "kind:in:customer,lead", "company:eq:c1", "due:range:2026-01-01,")));
    }

    @Test
    void shouldReadBackWhatItWroteIncludingCommasInText() {
        // given
        var query = new ListFilterQuery("", List.of(
                new Condition("name", Operator.CONTAINS, List.of("Smith, 100%")),
                new Condition("owner", Operator.EQ, List.of("oleg")),
                new Condition("met", Operator.RANGE, List.of("", "2026-03-31")),
                new Condition("vip", Operator.EQ, List.of("true"))));

        // when
        var decoded = ListFilterQuery.decode(query.encode(), CONTACTS);

        // then
        assertThat(decoded.rejected()).isEmpty();
        assertThat(decoded.query()).isEqualTo(query);
    }

    @Test
    void shouldLeaveOutUnknownFieldsBadValuesAndWrongOperatorsAndSayWhich() {
        // given
        var parameters = Map.of("f", List.of("kind:in:customer,partner", "nosuch:eq:1", "company:eq:not an id",
                "due:range:2026-02-30,", "due:range:2026-05-01,2026-04-01", "amount:eq:5", "name:range:a,b",
                "broken", "vip:eq:maybe", "owner:eq:oleg"), "q", List.of("x\u0000y"));

        // when
        var decoded = ListFilterQuery.decode(parameters, CONTACTS);

        // then
        assertThat(decoded.query()).isEqualTo(new ListFilterQuery("", List.of(
                new Condition("owner", Operator.EQ, List.of("oleg")))));
        assertThat(decoded.rejected()).hasSize(10).contains("nosuch:eq:1", "broken", "kind:in:customer,partner");
    }

    @Test
    void shouldKeepOnlyTheFirstConditionOnAField() {
        // when
        var decoded = ListFilterQuery.decode(Map.of("f", List.of("kind:eq:lead", "kind:in:customer")), CONTACTS);

        // then
        assertThat(decoded.query().conditions()).containsExactly(new Condition("kind", Operator.EQ,
                List.of("lead")));
        assertThat(decoded.rejected()).containsExactly("kind:in:customer");
    }

    @Test
    void shouldCombineEveryConditionWithAllAndRangeDateTimesByWholeDays() {
        // given
        var query = new ListFilterQuery("acme", List.of(
                new Condition("kind", Operator.IN, List.of("customer")),
                new Condition("met", Operator.RANGE, List.of("2026-03-01", "2026-03-31")),
                new Condition("vip", Operator.EQ, List.of("false"))));

        // when
        var filter = query.toFilter(CONTACTS, ZoneOffset.ofHours(3));

        // then
        assertThat(filter).isEqualTo(new ItemFilter.All(List.of(
                new ItemFilter.FullText("acme"),
                new ItemFilter.In("kind", List.of("customer")),
                new ItemFilter.Range("met", "2026-03-01T00:00+03:00", "2026-03-31T23:59:59.999+03:00"),
                new ItemFilter.Equals("vip", false))));
    }

    @Test
    void shouldReplaceAndRemoveTheConditionOnAField() {
        // given
        var query = ListFilterQuery.EMPTY.with("kind", new Condition("kind", Operator.IN, List.of("lead")));

        // when
        var replaced = query.with("kind", new Condition("kind", Operator.IN, List.of("customer")));
        var removed = replaced.with("kind", null);

        // then
        assertThat(replaced.conditions()).containsExactly(new Condition("kind", Operator.IN, List.of("customer")));
        assertThat(removed).isEqualTo(ListFilterQuery.EMPTY);
    }
}
