package io.atrium.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefaults;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.runtime.process.block.BlockCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every building block the platform runs has its element template, in both languages, and the
 * template binds every setting the block requires, required, under the name its worker reads:
 * a block added without a template, or a template that misnames a setting, fails here.
 */
class BlockTemplatesIT extends PlatformTestSupport {

    @Autowired
    BlockCatalog blocks;
    @Autowired
    BlockTemplates templates;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;

    @Test
    void shouldOfferATemplateForEveryBlockWithItsRequiredSettings() {
        var english = byId(templates.templates(Locale.ENGLISH));
        var russian = byId(templates.templates(Locale.of("ru")));
        var expected = blocks.types().keySet().stream()
                .map(type -> BlockTemplates.ID_PREFIX + type.substring(BlockCatalog.PREFIX.length()))
                .collect(Collectors.toSet());
        expected.add(BlockTemplates.USER_TASK_ID);
        assertThat(english.keySet()).as("one template per block, long-running ones included, and the user task")
                .isEqualTo(expected);
        for (var block : blocks.types().entrySet()) {
            String type = block.getKey();
            String id = BlockTemplates.ID_PREFIX + type.substring(BlockCatalog.PREFIX.length());
            var template = english.get(id);
            var properties = properties(template);
            assertThat(properties).as("the job type of " + id).anySatisfy(p -> {
                assertThat(p.get("type")).isEqualTo("Hidden");
                assertThat(p.get("value")).isEqualTo(type);
                assertThat(p.get("binding")).isEqualTo(Map.of("type", "zeebe:taskDefinition", "property", "type"));
            });
            for (String field : block.getValue()) {
                assertThat(properties).as(id + " binds " + field).anySatisfy(p -> {
                    assertThat(bound(p)).isEqualTo(field);
                    assertThat(p.get("constraints")).isEqualTo(Map.of("notEmpty", true));
                });
            }
            for (var property : properties) {
                if (!"Hidden".equals(property.get("type"))) {
                    assertThat((String) property.get("label")).as("a label in " + id).doesNotStartWith("!");
                    assertThat((String) property.get("description")).as("a description in " + id)
                            .doesNotStartWith("!");
                }
            }
            assertThat(russian.get(id).get("name")).as("the Russian name of " + id).isNotEqualTo(template.get("name"))
                    .asString().doesNotStartWith("!");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldOfferTheTaskFormsOfProcessesToTheUserTaskTemplate() {
        var app = new AppRef("templates", "claims");
        apps.saveDraft(new AppDefinition(app, new LocalizedText("Claims", "Претензии"), List.of(
                FieldDefinition.of("subject", FieldType.STRING))), "admin");
        apps.publish(app, "admin");
        var form = new FormRef(app, FormPurpose.TASK, "process:templates/claim/check");
        forms.saveDraft(Actor.SYSTEM, FormDefaults.of(apps.current(app).orElseThrow().definition(), form));

        var template = byId(templates.templates(Locale.ENGLISH)).get(BlockTemplates.USER_TASK_ID);
        assertThat(template.get("elementType")).isEqualTo(Map.of("value", "bpmn:UserTask"));
        var properties = properties(template);
        assertThat(properties).anySatisfy(p -> assertThat(p.get("binding")).isEqualTo(Map.of("type", "zeebe:userTask")));
        var choice = properties.stream().filter(p -> "form".equals(p.get("id"))).findFirst().orElseThrow();
        assertThat(choice.get("binding")).isEqualTo(Map.of("type", "zeebe:formDefinition",
                "property", "externalReference"));
        assertThat((List<Map<String, String>>) choice.get("choices")).as("no form, then the task forms")
                .contains(Map.of("name", "No form", "value", ""),
                        Map.of("name", "templates/claim/check · Claims (templates/claims)",
                                "value", "atrium:templates/claims#task@process:templates/claim/check"));
        assertThat(properties).extracting(p -> p.get("id")).contains("candidateGroups", "candidateUsers", "assignee");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> templates) {
        return templates.stream().collect(Collectors.toMap(t -> (String) t.get("id"), t -> t));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> properties(Map<String, Object> template) {
        return (List<Map<String, Object>>) template.get("properties");
    }

    /** The header key or input target a property writes. */
    @SuppressWarnings("unchecked")
    private static String bound(Map<String, Object> property) {
        var binding = (Map<String, Object>) property.get("binding");
        return (String) (binding.containsKey("key") ? binding.get("key") : binding.get("name"));
    }
}
