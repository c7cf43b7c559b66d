package io.atrium.runtime.script;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Notice;
import io.atrium.platform.form.FormAction;
import io.atrium.platform.item.ItemJson;
import io.atrium.platform.item.Items;
import io.atrium.platform.script.ScriptTarget;
import io.atrium.runtime.process.block.BlockFailure;
import io.atrium.runtime.process.block.BlockJob;
import io.atrium.runtime.process.block.ProcessScripts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where the platform calls scripts: the process script-task block and form buttons
 * ({@code script:workspace/module#function}).
 */
final class ScriptBindings {

    private ScriptBindings() {
    }

    /**
     * The script-task block: {@code script} names {@code workspace/module#function}; the function
     * gets the block's {@code input} and runs as the process's service identity. An object it
     * returns becomes variables; anything else goes to {@code result}. A failure is an incident
     * with the script's message.
     */
    @Component
    static class InProcesses implements ProcessScripts {
        private final Scripts scripts;

        InProcesses(Scripts scripts) {
            this.scripts = scripts;
        }

        @Override
        public Map<String, Object> run(String script, Map<String, Object> input, BlockJob job) {
            ScriptTarget target;
            try {
                target = ScriptTarget.parse(script);
            } catch (IllegalArgumentException e) {
                throw new BlockFailure(e.getMessage());
            }
            var call = ScriptCall.of("process", job.actor(), scripts.defaults(), target.toString())
                    .withVariables(input);
            try {
                JsonNode result = scripts.run(target.module(), target.function(),
                        SdkAnswers.JSON.valueToTree(input), call).value();
                if (result.isObject()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> variables = SdkAnswers.JSON.convertValue(result, Map.class);
                    return variables;
                }
                var out = new LinkedHashMap<String, Object>();
                out.put("result", SdkAnswers.JSON.convertValue(result, Object.class));
                return out;
            } catch (ScriptFailure e) {
                throw new BlockFailure(e.getMessage()
                        + (e.scriptStack() == null || e.scriptStack().isEmpty() ? "" : "\n" + e.scriptStack()), e);
            }
        }
    }

    /**
     * Form buttons {@code script:workspace/module#function}: whoever may update the item may
     * press it; the function gets {@code {item}} and runs as that person. A string it returns is
     * shown to them.
     */
    @Component
    static class OnButtons implements FormAction {
        static final String PREFIX = "script:";
        private final Scripts scripts;
        private final AccessPolicy access;
        private final Items items;

        OnButtons(Scripts scripts, AccessPolicy access, Items items) {
            this.scripts = scripts;
            this.access = access;
            this.items = items;
        }

        @Override
        public boolean handles(String action) {
            return action != null && action.startsWith(PREFIX);
        }

        @Override
        public Notice run(Actor actor, AppRef app, String itemId, long itemVersion, String action) {
            access.require(actor, app, Permission.UPDATE);
            var item = items.get(actor, app, itemId);
            var target = ScriptTarget.parse(action.substring(PREFIX.length()));
            var call = ScriptCall.of("button", actor, scripts.defaults(), target.toString()).forItem(app, item);
            var input = SdkAnswers.JSON.createObjectNode();
            input.set("item", SdkAnswers.JSON.valueToTree(ItemJson.write(item)));
            JsonNode result = scripts.run(target.module(), target.function(), input, call).value();
            if (result.isString() && !result.asString().isBlank()) {
                String said = result.asString().strip();
                return Notice.of(MessageKey.ACTION_SCRIPT_SAID, target.module().toString(),
                        said.length() > 500 ? said.substring(0, 500) + "…" : said);
            }
            return Notice.of(MessageKey.ACTION_SCRIPT_RAN, target.module().toString());
        }
    }
}
