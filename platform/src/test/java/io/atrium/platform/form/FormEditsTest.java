package io.atrium.platform.form;

import static io.atrium.platform.form.FormFixtures.customerCard;
import static io.atrium.platform.form.FormFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.Refusal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormEditsTest {

    @Test
    void shouldInsertAFieldIntoABlockInsideATab() {
        var form = FormEdits.insert(customerCard(), field("notes"), "money", 1);

        assertThat(((FormElement.Block) form.element("money").orElseThrow()).elements())
                .extracting(FormElement::id).containsExactly("f-revenue", "f-notes", "f-vip");
        assertThat(FormEdits.parentOf(form, "f-notes")).contains("money");
    }

    @Test
    void shouldMoveAnElementWithEverythingInsideIt() {
        var form = FormEdits.move(customerCard(), "money", "contact-data", 0);

        var contactData = (FormElement.Tab) form.element("contact-data").orElseThrow();
        assertThat(contactData.elements()).extracting(FormElement::id)
                .containsExactly("money", "f-name", "contact-row", "f-kind");
        assertThat(form.element("f-revenue")).isPresent();
        assertThat(FormEdits.parentOf(form, "f-revenue")).contains("money");
        assertThat(((FormElement.Tab) form.element("company-tab").orElseThrow()).elements())
                .extracting(FormElement::id).containsExactly("f-company");
    }

    @Test
    void shouldMoveDownWithinTheSameContainerToWhereItWasDropped() {
        // dropped before "f-kind" (index 2 of name, row, kind): it lands between row and kind
        var form = FormEdits.move(customerCard(), "f-name", "contact-data", 2);

        assertThat(((FormElement.Tab) form.element("contact-data").orElseThrow()).elements())
                .extracting(FormElement::id).containsExactly("contact-row", "f-name", "f-kind");
    }

    @Test
    void shouldRefuseImpossiblePlaces() {
        var tab = new FormElement.Tab("t", LocalizedText.of("T"), List.of(), null, null);
        assertThatThrownBy(() -> FormEdits.insert(customerCard(), tab, null, 0))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.key()).isEqualTo(MessageKey.FORM_EDIT_ALONE))
                .hasMessageContaining("not straight onto the form");
        assertThatThrownBy(() -> FormEdits.insert(customerCard(), field("notes"), "tabs", 0))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(Messages.text(r, Locale.of("ru"))).startsWith("Сюда этот элемент поместить нельзя"))
                .hasMessageContaining("tabs hold only tabs");
        assertThatThrownBy(() -> FormEdits.move(customerCard(), "company-tab", "money", 0))
                .hasMessageContaining("inside itself");
        assertThatThrownBy(() -> FormEdits.insert(customerCard(), field("name"), null, 0))
                .hasMessageContaining("already has an element \"f-name\"");
    }

    @Test
    void shouldReplaceAndRemoveByIdAndFindFreeIds() {
        var renamed = new FormElement.Tab("dialogs", LocalizedText.of("Dialogs"), List.of(), null, null);

        var form = FormEdits.remove(FormEdits.replace(customerCard(), renamed), "note");

        assertThat(form.element("dialogs")).contains(renamed);
        assertThat(form.element("note")).isEmpty();
        assertThat(FormEdits.newId(form, "block")).isEqualTo("block-1");
        assertThat(FormEdits.newId(FormEdits.insert(form, new FormElement.Block("block-1", null, false, false,
                List.of(), null, null), null, 0), "block")).isEqualTo("block-2");
    }
}
