package io.atrium.platform.item.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.item.ItemFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTranslationTest {

    private final FilterTranslation translation = new FilterTranslation(new AppDefinition(new AppRef("crm", "contacts"),
            new LocalizedText("Contacts", "Контакты"), List.of(FieldDefinition.of("name", FieldType.STRING),
                    FieldDefinition.of("phone", FieldType.PHONE))));

    @Test
    void shouldSearchPhonesAsTheyAreStoredHoweverPartOfANumberIsTyped() {
        String bson = translation.toBson(new ItemFilter.Contains("phone", "+7 (912) 345-6")).toBsonDocument().toJson();

        assertThat(bson).contains("+79123456").doesNotContain("(912)");
    }

    @Test
    void shouldSearchOtherTextsAsTyped() {
        String bson = translation.toBson(new ItemFilter.Contains("name", "Acme (Berlin)")).toBsonDocument().toJson();

        assertThat(bson).contains("Acme").contains("Berlin");
    }
}
