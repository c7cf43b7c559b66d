package io.atrium.ui.processes;

import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import io.atrium.ui.i18n.Translations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's building blocks as Camunda element templates for Zeebe, one per block, in the
 * reader's language: an analyst picks "Create item" and fills its settings in the properties
 * panel. The job type is a hidden property; fixed settings are task headers, FEEL-able ones input
 * mappings. "App" offers the published apps, and "Values" names their field codes. One more
 * template is not a block: "Task with a form", a Camunda user task whose form the analyst picks
 * from the task forms designed for processes, with its candidate groups and assignee.
 */
@Component
public class BlockTemplates {

    /** Template ids are this prefix and the block's name, e.g. {@code io.atrium.block.create-item}. */
    public static final String ID_PREFIX = "io.atrium.block.";
    /** The user task template's id; it shares the prefix so the palette and replace menu offer it. */
    public static final String USER_TASK_ID = ID_PREFIX + "user-task";
    static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** At most this many apps' fields are named in a description, so the panel stays readable. */
    private static final int MAX_APPS_NAMED = 12;

    private final AppCatalog apps;
    private final FormCatalog forms;

    public BlockTemplates(AppCatalog apps, FormCatalog forms) {
        this.apps = apps;
        this.forms = forms;
    }

    /** Where a setting goes in the BPMN file. */
    enum Binding {
        /** A {@code zeebe:taskHeader}: a fixed value. */
        HEADER,
        /** A {@code zeebe:input} the analyst may write as FEEL or as plain text. */
        INPUT,
        /** A {@code zeebe:input} that is always a FEEL expression (a context, a list, a variable). */
        FEEL
    }

    /** How a setting is entered. */
    enum Kind {
        LINE, TEXT, APP, CHOICE
    }

    /**
     * One setting of a block.
     *
     * @param name     the header key or input target the worker reads
     * @param choices  the values of a {@link Kind#CHOICE}, the first being the default
     */
    record Setting(String name, Kind kind, Binding binding, boolean required, List<String> choices) {

        static Setting of(String name, Kind kind, Binding binding, boolean required) {
            return new Setting(name, kind, binding, required, List.of());
        }
    }

    /** A building block: its job type's name after {@code atrium:}, and its settings in order. */
    record Block(String name, List<Setting> settings) {

        String jobType() {
            return "atrium:" + name;
        }
    }

    private static final Setting APP = Setting.of("app", Kind.APP, Binding.HEADER, true);
    private static final Setting RESULT = Setting.of("resultVariable", Kind.LINE, Binding.HEADER, false);

    /** Every block of the platform, in the order the palette shows them. */
    static final List<Block> BLOCKS = List.of(
            new Block("create-item", List.of(APP, Setting.of("values", Kind.TEXT, Binding.FEEL, false), RESULT)),
            new Block("update-item", List.of(APP, Setting.of("itemId", Kind.LINE, Binding.FEEL, true),
                    Setting.of("values", Kind.TEXT, Binding.FEEL, true), RESULT)),
            new Block("find-items", List.of(APP, Setting.of("filter", Kind.TEXT, Binding.FEEL, false),
                    Setting.of("sort", Kind.LINE, Binding.HEADER, false),
                    new Setting("descending", Kind.CHOICE, Binding.HEADER, false, List.of("false", "true")),
                    Setting.of("limit", Kind.LINE, Binding.HEADER, false), RESULT)),
            new Block("notify", List.of(Setting.of("user", Kind.LINE, Binding.INPUT, false),
                    Setting.of("group", Kind.LINE, Binding.INPUT, false),
                    Setting.of("message", Kind.TEXT, Binding.INPUT, true),
                    Setting.of("link", Kind.LINE, Binding.INPUT, false))),
            new Block("http", List.of(Setting.of("url", Kind.LINE, Binding.INPUT, true),
                    new Setting("method", Kind.CHOICE, Binding.HEADER, false,
                            List.of("GET", "POST", "PUT", "PATCH", "DELETE")),
                    Setting.of("body", Kind.TEXT, Binding.FEEL, false),
                    Setting.of("headers", Kind.TEXT, Binding.FEEL, false),
                    Setting.of("timeout", Kind.LINE, Binding.HEADER, false), RESULT)),
            new Block("start-process", List.of(Setting.of("process", Kind.LINE, Binding.HEADER, true),
                    Setting.of("variables", Kind.TEXT, Binding.FEEL, false), RESULT)),
            new Block("send-message", List.of(Setting.of("sessionId", Kind.LINE, Binding.FEEL, true),
                    Setting.of("text", Kind.TEXT, Binding.INPUT, true))),
            new Block("script", List.of(Setting.of("script", Kind.LINE, Binding.HEADER, true),
                    Setting.of("input", Kind.TEXT, Binding.FEEL, false))),
            new Block("get-item", List.of(APP, Setting.of("itemId", Kind.LINE, Binding.FEEL, true),
                    Setting.of("fields", Kind.LINE, Binding.HEADER, false), RESULT)),
            new Block("assign-round-robin", List.of(Setting.of("group", Kind.LINE, Binding.HEADER, true), RESULT)),
            new Block("approval", List.of(Setting.of("approvers", Kind.LINE, Binding.INPUT, false),
                    Setting.of("approverGroups", Kind.LINE, Binding.INPUT, false),
                    new Setting("rule", Kind.CHOICE, Binding.HEADER, false, List.of("any", "all", "majority")),
                    Setting.of("subject", Kind.TEXT, Binding.INPUT, false),
                    Setting.of("outcomeVariable", Kind.LINE, Binding.HEADER, false),
                    Setting.of("dueDate", Kind.LINE, Binding.INPUT, false),
                    Setting.of("priority", Kind.LINE, Binding.HEADER, false))));

    /** The templates as a JSON array, in the locale's language, offering the apps published now. */
    public String json(Locale locale) {
        return JSON.writeValueAsString(templates(locale));
    }

    List<Map<String, Object>> templates(Locale locale) {
        var published = apps.published().stream()
                .sorted(Comparator.comparing((PublishedApp app) -> app.ref().toString())).toList();
        var all = new ArrayList<Map<String, Object>>();
        all.add(userTaskTemplate(locale, published));
        BLOCKS.forEach(block -> all.add(template(block, locale, published)));
        return all;
    }

    /**
     * A Camunda user task with an Atrium task form chosen from a list, so nobody types a form key;
     * the form is linked the way Camunda Modeler links a custom form ({@code externalReference}).
     */
    private Map<String, Object> userTaskTemplate(Locale locale, List<PublishedApp> published) {
        var template = header(USER_TASK_ID, "user-task", locale);
        template.put("elementType", Map.of("value", "bpmn:UserTask"));
        var appNames = new HashMap<String, String>();
        published.forEach(app -> appNames.put(app.ref().toString(), app.definition().name().in(locale)));
        var choices = new ArrayList<Map<String, String>>();
        choices.add(Map.of("name", text(locale, "process.block.user-task.noForm"), "value", ""));
        forms.summaries().stream().map(FormSummary::ref).filter(ref -> ref.purpose() == FormPurpose.TASK)
                .sorted(Comparator.comparing(ref -> ref.owner() + " " + ref.app()))
                .forEach(ref -> choices.add(Map.of("name", taskFormName(ref, appNames), "value",
                        "atrium:" + ref)));
        var form = new LinkedHashMap<String, Object>();
        form.put("id", "form");
        form.put("label", text(locale, "process.block.user-task.form.label"));
        form.put("description", text(locale, "process.block.user-task.form.description"));
        form.put("group", "settings");
        form.put("type", "Dropdown");
        form.put("choices", choices);
        form.put("value", "");
        form.put("binding", Map.of("type", "zeebe:formDefinition", "property", "externalReference"));
        template.put("properties", List.of(
                Map.of("type", "Hidden", "binding", Map.of("type", "zeebe:userTask")),
                form,
                assignment(locale, "candidateGroups"),
                assignment(locale, "candidateUsers"),
                assignment(locale, "assignee")));
        return template;
    }

    /** "review · Deals (sales/deals)" for the form of step review of a process, on the Deals app. */
    private static String taskFormName(FormRef ref, Map<String, String> appNames) {
        String owner = ref.owner().startsWith("process:") ? ref.owner().substring("process:".length()) : ref.owner();
        String app = appNames.getOrDefault(ref.app().toString(), "");
        return owner + " · " + (app.isBlank() ? "" : app + " ") + "(" + ref.app() + ")";
    }

    private static Map<String, Object> assignment(Locale locale, String property) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("id", property);
        entry.put("label", text(locale, "process.block.user-task." + property + ".label"));
        entry.put("description", text(locale, "process.block.user-task." + property + ".description"));
        entry.put("group", "settings");
        entry.put("type", "String");
        entry.put("feel", "optional");
        entry.put("binding", Map.of("type", "zeebe:assignmentDefinition", "property", property));
        return entry;
    }

    private static LinkedHashMap<String, Object> header(String id, String name, Locale locale) {
        var template = new LinkedHashMap<String, Object>();
        template.put("$schema", SCHEMA);
        template.put("id", id);
        template.put("name", text(locale, "process.block." + name + ".name"));
        template.put("description", text(locale, "process.block." + name + ".description"));
        template.put("version", 1);
        template.put("category", Map.of("id", "atrium", "name", "Atrium"));
        template.put("appliesTo", List.of("bpmn:Task"));
        template.put("icon", Map.of("contents", BlockIcons.dataUri(name)));
        template.put("groups", List.of(Map.of("id", "settings", "label", text(locale, "process.block.group.settings"),
                "openByDefault", true)));
        return template;
    }

    private Map<String, Object> template(Block block, Locale locale, List<PublishedApp> published) {
        var template = header(ID_PREFIX + block.name(), block.name(), locale);
        template.put("elementType", Map.of("value", "bpmn:ServiceTask"));
        var properties = new ArrayList<Map<String, Object>>();
        properties.add(Map.of("type", "Hidden", "value", block.jobType(),
                "binding", Map.of("type", "zeebe:taskDefinition", "property", "type")));
        for (var setting : block.settings()) {
            properties.add(property(block, setting, locale, published));
        }
        template.put("properties", properties);
        return template;
    }

    private Map<String, Object> property(Block block, Setting setting, Locale locale, List<PublishedApp> published) {
        var property = new LinkedHashMap<String, Object>();
        property.put("id", setting.name());
        property.put("label", fieldText(locale, block, setting, "label"));
        String description = fieldText(locale, block, setting, "description");
        if ("values".equals(setting.name()) && !published.isEmpty()) {
            description += " " + text(locale, "process.block.fieldsOfApps", fieldsOf(published));
        }
        property.put("description", description);
        property.put("group", "settings");
        switch (setting.kind()) {
            case APP -> {
                if (published.isEmpty()) {
                    property.put("type", "String");
                    property.put("placeholder", "workspace/app");
                } else {
                    property.put("type", "Dropdown");
                    // no app is taken for granted: until one is chosen, publishing names the block
                    var choices = new ArrayList<Map<String, String>>();
                    choices.add(Map.of("name", text(locale, "process.block.chooseApp"), "value", ""));
                    published.forEach(app -> choices.add(Map.of("name", app.definition().name().in(locale)
                            + " (" + app.ref() + ")", "value", app.ref().toString())));
                    property.put("choices", choices);
                    property.put("value", "");
                }
            }
            case CHOICE -> {
                property.put("type", "Dropdown");
                property.put("choices", setting.choices().stream().map(choice -> Map.of("name",
                        choiceName(locale, setting, choice), "value", choice)).toList());
                property.put("value", setting.choices().getFirst());
            }
            case TEXT -> property.put("type", "Text");
            case LINE -> property.put("type", "String");
        }
        switch (setting.binding()) {
            case HEADER -> property.put("binding", Map.of("type", "zeebe:taskHeader", "key", setting.name()));
            case INPUT -> {
                property.put("binding", Map.of("type", "zeebe:input", "name", setting.name()));
                property.put("feel", "optional");
            }
            case FEEL -> {
                property.put("binding", Map.of("type", "zeebe:input", "name", setting.name()));
                property.put("feel", "required");
            }
        }
        if (setting.required()) {
            property.put("constraints", Map.of("notEmpty", true));
        } else if (!"Dropdown".equals(property.get("type"))) {
            property.put("optional", true); // left empty, the setting is left out of the file
        }
        return property;
    }

    private static String choiceName(Locale locale, Setting setting, String choice) {
        String key = "process.block.choice." + setting.name() + "." + choice;
        String text = Translations.text(locale, key);
        return text.startsWith("!") ? choice : text;
    }

    /** "crm/contacts: name, phone; crm/deals: title, amount", for the apps named first. */
    private static String fieldsOf(List<PublishedApp> published) {
        String named = published.stream().limit(MAX_APPS_NAMED).map(app -> app.ref() + ": " + app.definition()
                .fields().stream().map(FieldDefinition::code).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return published.size() > MAX_APPS_NAMED ? named + "; …" : named;
    }

    /** The block's own text for the setting if it has one, else the setting's common one. */
    private static String fieldText(Locale locale, Block block, Setting setting, String part) {
        String own = Translations.text(locale, "process.block." + block.name() + "." + setting.name() + "." + part);
        return own.startsWith("!") ? text(locale, "process.block.field." + setting.name() + "." + part) : own;
    }

    private static String text(Locale locale, String key, Object... arguments) {
        return Translations.text(locale, key, arguments);
    }

    /** Small line icons for the palette and the panel, one per block. */
    static final class BlockIcons {

        private static final Map<String, String> SHAPES = Map.ofEntries(
                Map.entry("create-item", "<rect x='4' y='4' width='16' height='16' rx='2'/><path d='M12 8v8M8 12h8'/>"),
                Map.entry("update-item", "<path d='M4 20h4L19 9l-4-4L4 16z'/><path d='M13 7l4 4'/>"),
                Map.entry("find-items", "<circle cx='10' cy='10' r='6'/><path d='M15 15l5 5'/>"),
                Map.entry("notify", "<path d='M6 16V11a6 6 0 0 1 12 0v5l2 2H4z'/><path d='M10 20h4'/>"),
                Map.entry("http", "<circle cx='12' cy='12' r='8'/><path d='M4 12h16M12 4c3 3 3 13 0 16M12 4c-3 3-3 13 0 16'/>"),
                Map.entry("start-process", "<circle cx='12' cy='12' r='8'/><path d='M10 8l6 4-6 4z'/>"),
                Map.entry("send-message", "<path d='M4 5h16v11H9l-5 4z'/>"),
                Map.entry("script", "<path d='M8 7l-5 5 5 5M16 7l5 5-5 5M14 5l-4 14'/>"),
                Map.entry("get-item", "<rect x='4' y='4' width='16' height='16' rx='2'/><path d='M8 9h8M8 13h8M8 17h5'/>"),
                Map.entry("assign-round-robin", "<path d='M20 12a8 8 0 1 1-3-6.2'/><path d='M20 4v5h-5'/>"),
                Map.entry("approval", "<path d='M5 12l4 4L19 6'/><path d='M4 20h16'/>"),
                Map.entry("user-task", "<circle cx='12' cy='8' r='4'/><path d='M4 20c0-4 4-6 8-6s8 2 8 6'/>"));

        private BlockIcons() {
        }

        static String dataUri(String block) {
            String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='#22242a'"
                    + " stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'>" + SHAPES.get(block)
                    + "</svg>";
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        }
    }
}
