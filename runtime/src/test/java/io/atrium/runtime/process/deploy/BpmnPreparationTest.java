package io.atrium.runtime.process.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.BlockCatalog;
import io.atrium.runtime.process.block.BlockJob;
import io.atrium.runtime.process.block.BuildingBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BpmnPreparationTest {

    private static final BuildingBlock CREATE = new BuildingBlock() {
        @Override
        public String type() {
            return "atrium:create-item";
        }

        @Override
        public Set<String> requiredFields() {
            return Set.of("app");
        }

        @Override
        public Map<String, Object> run(BlockJob job) {
            return Map.of();
        }
    };

    private final BpmnPreparation.Context context = new BpmnPreparation.Context(new BlockCatalog(List.of(CREATE)),
            reference -> reference.equals("missing-form") ? Optional.of(reference) : Optional.empty(),
            code -> code.equals("sibling"));

    @Test
    void shouldTurnCamundaUserTasksIntoJobWorkerUserTasksUnderTheWorkspaceId() throws IOException {
        var prepared = prepare(offerReview());
        assertThat(prepared.problems()).isEmpty();
        assertThat(prepared.processName()).isEqualTo("Offer review");
        assertThat(prepared.xml()).contains("id=\"sales.offer-review\"").doesNotContain("zeebe:userTask")
                .doesNotContain("priorityDefinition").contains(BpmnPreparation.CAMUNDA_USER_TASK_HEADER)
                .contains("target=\"" + BpmnPreparation.PRIORITY_VARIABLE + "\"").contains("source=\"=70\"")
                .contains("candidateGroups=\"reviewers\"");
    }

    @Test
    void shouldMoveALinkedFormToAHeaderAndCheckItExists() throws IOException {
        String linked = offerReview().replace("<zeebe:userTask />",
                "<zeebe:userTask /><zeebe:formDefinition formId=\"missing-form\" />");
        var problems = prepare(linked).problems();
        assertThat(problems).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Review", "form"));
        var fine = prepare(offerReview().replace("<zeebe:userTask />",
                "<zeebe:userTask /><zeebe:formDefinition formId=\"deal-form\" />"));
        assertThat(fine.xml()).contains("key=\"" + BpmnPreparation.FORM_ID_HEADER + "\" value=\"deal-form\"")
                .doesNotContain("formDefinition");
    }

    @Test
    void shouldNameUnknownBlocksAndMissingSettingsOnTheirElements() throws IOException {
        var unknown = prepare(offerReview().replace("atrium:create-item", "atrium:create-unicorn")).problems();
        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("CreateDeal");
            assertThat(p.message()).contains("atrium:create-unicorn");
        });
        var missing = prepare(offerReview().replace("key=\"app\"", "key=\"application\"")).problems();
        assertThat(missing).singleElement().satisfies(p -> assertThat(p.message()).contains("app"));
        assertThat(prepare(offerReview().replace("atrium:create-item", "legacy-worker")).problems()).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotThisProcess() throws IOException {
        assertThat(prepare("<not-xml").problems()).singleElement().extracting(FieldError::code).isEqualTo("format");
        assertThat(prepare("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .problems()).singleElement().extracting(FieldError::code).isEqualTo("format");
        assertThat(prepare(offerReview().replace("isExecutable=\"true\"", "isExecutable=\"false\"")).problems())
                .singleElement().extracting(FieldError::code).isEqualTo("process");
        var renamed = new ProcessDefinition(new ProcessRef("sales", "other"), null, offerReview());
        assertThat(BpmnPreparation.prepare(renamed, context).problems()).singleElement().satisfies(p -> assertThat(
                p.message()).contains("offer-review", "other"));
    }

    @Test
    void shouldAskForCorrelationKeysOfMessagesProcessesWaitFor() throws IOException {
        String waiting = offerReview().replace("<bpmn:sequenceFlow id=\"Flow_0a1\" sourceRef=\"StartEvent_1\" targetRef=\"Review\" />",
                "<bpmn:sequenceFlow id=\"Flow_0a1\" sourceRef=\"StartEvent_1\" targetRef=\"Wait\" />"
                        + "<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:messageEventDefinition messageRef=\"Msg\" />"
                        + "</bpmn:intermediateCatchEvent><bpmn:sequenceFlow id=\"Flow_w\" sourceRef=\"Wait\" targetRef=\"Review\" />")
                .replace("</bpmn:process>", "</bpmn:process><bpmn:message id=\"Msg\" name=\"offer.signed\" />");
        assertThat(prepare(waiting).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Wait");
            assertThat(p.message()).contains("offer.signed");
        });
        String keyed = waiting.replace("<bpmn:message id=\"Msg\" name=\"offer.signed\" />",
                "<bpmn:message id=\"Msg\" name=\"offer.signed\"><bpmn:extensionElements>"
                        + "<zeebe:subscription correlationKey=\"=dealId\" /></bpmn:extensionElements></bpmn:message>");
        assertThat(prepare(keyed).problems()).isEmpty();
    }

    @Test
    void shouldPointCallsOfTheWorkspacesProcessesAtTheirDeployedIds() throws IOException {
        String calling = offerReview().replace("<bpmn:serviceTask id=\"CreateDeal\" name=\"Create deal\">",
                "<bpmn:callActivity id=\"CallSibling\"><bpmn:extensionElements><zeebe:calledElement processId=\"sibling\" />"
                        + "</bpmn:extensionElements></bpmn:callActivity><bpmn:callActivity id=\"CallOutside\">"
                        + "<bpmn:extensionElements><zeebe:calledElement processId=\"elsewhere\" /></bpmn:extensionElements>"
                        + "</bpmn:callActivity><bpmn:serviceTask id=\"CreateDeal\" name=\"Create deal\">");
        var xml = prepare(calling).xml();
        assertThat(xml).contains("processId=\"sales.sibling\"").contains("processId=\"elsewhere\"");
    }

    private BpmnPreparation.Prepared prepare(String bpmn) {
        return BpmnPreparation.prepare(new ProcessDefinition(new ProcessRef("sales", "offer-review"), null, bpmn), context);
    }

    private static String offerReview() throws IOException {
        try (InputStream in = BpmnPreparationTest.class.getResourceAsStream("/bpmn/offer-review.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${app}", "sales/deals");
        }
    }
}
