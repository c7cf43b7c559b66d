package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import java.util.List;

/** A contacts app and a customer card for it, shared by the form tests. */
final class FormFixtures {

    static final AppRef CONTACTS = new AppRef("crm", "contacts");
    static final AppRef COMPANIES = new AppRef("crm", "companies");
    static final AppRef DEALS = new AppRef("crm", "deals");

    private FormFixtures() {
    }

    static AppDefinition contacts() {
        return new AppDefinition(CONTACTS, new LocalizedText("Contacts", "Контакты"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                FieldDefinition.of("email", FieldType.EMAIL),
                FieldDefinition.of("phone", FieldType.PHONE),
                new FieldDefinition("kind", FieldType.CHOICE, LocalizedText.of("Kind"), false, false, false, false,
                        null, false, List.of(new FieldDefinition.ChoiceOption("person", LocalizedText.of("Person")),
                                new FieldDefinition.ChoiceOption("company", LocalizedText.of("Company"))),
                        null, null, null, null),
                FieldDefinition.of("vip", FieldType.BOOLEAN),
                FieldDefinition.of("revenue", FieldType.NUMBER),
                FieldDefinition.of("notes", FieldType.TEXT),
                FieldDefinition.of("birthday", FieldType.DATE),
                new FieldDefinition("company", FieldType.REFERENCE, null, false, false, false, false, null, false,
                        null, COMPANIES, null, null, null)));
    }

    static AppDefinition deals() {
        return new AppDefinition(DEALS, LocalizedText.of("Deals"), List.of(
                FieldDefinition.of("title", FieldType.STRING),
                FieldDefinition.of("amount", FieldType.NUMBER),
                new FieldDefinition("contact", FieldType.REFERENCE, null, false, false, false, false, null, false,
                        null, CONTACTS, null, null, null)));
    }

    static FieldDefinition nameField() {
        return FieldDefinition.of("name", FieldType.STRING);
    }

    static FormElement.Field field(String code) {
        return new FormElement.Field("f-" + code, code, null, null, false, false, null, null);
    }

    /** Tabs "Contact data" and "Company"; the company tab only for companies; a deals list. */
    static FormDefinition customerCard() {
        var isCompany = new Condition.Equals("kind", "company");
        return new FormDefinition(new FormRef(CONTACTS, FormPurpose.EDIT), LocalizedText.of("Customer card"), List.of(
                new FormElement.Tabs("tabs", List.of(
                        new FormElement.Tab("contact-data", LocalizedText.of("Contact data"), List.of(
                                field("name"),
                                new FormElement.Row("contact-row", List.of(
                                        new FormElement.Column("c1", 6, List.of(field("email")), null, null),
                                        new FormElement.Column("c2", 6, List.of(field("phone")), null, null)),
                                        null, null),
                                field("kind")), null, null),
                        new FormElement.Tab("company-tab", LocalizedText.of("Company"), List.of(
                                new FormElement.Block("money", LocalizedText.of("Money"), true, false, List.of(
                                        field("revenue"), field("vip")), null, new Condition.Equals("vip", true)),
                                field("company")), isCompany, null),
                        new FormElement.Tab("dialogs", LocalizedText.of("Deals"), List.of(
                                new FormElement.RelatedList("deals", LocalizedText.of("Deals"), DEALS, "contact",
                                        List.of("title", "amount"), null, null)), null, null)),
                        null, null),
                new FormElement.Text("note", LocalizedText.of("Check the e-mail before saving."), null, null)));
    }
}
