package io.atrium.ui.processes;

import io.atrium.platform.app.FieldCode;
import io.atrium.platform.process.ProcessRef;
import java.util.Set;

/** The drawing a new process starts with, and the code a process's name suggests. */
final class StarterBpmn {

    private StarterBpmn() {
    }

    /**
     * The code for a process named so: its words in lower case joined by dashes, Cyrillic spelled
     * in Latin letters ("Offer review" is {@code offer-review}, "Заявка" {@code zayavka}).
     */
    static String code(String name, Set<String> taken) {
        String camel = FieldCode.suggest(name == null || name.isBlank() ? "process" : name, Set.of());
        String base = camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        String code = base;
        for (int n = 2; taken.contains(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }

    /** A start event joined to an end event, in a process whose id is the code, as Camunda Modeler writes it. */
    static String xml(ProcessRef ref, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
                xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" \
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" \
                xmlns:modeler="http://camunda.org/schema/modeler/1.0" \
                id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Atrium" \
                exporterVersion="1" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_1">
                      <bpmn:outgoing>Flow_start</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:endEvent id="EndEvent_1">
                      <bpmn:incoming>Flow_start</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_start" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                        <dc:Bounds x="182" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">
                        <dc:Bounds x="652" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_start_di" bpmnElement="Flow_start">
                        <di:waypoint x="218" y="120" />
                        <di:waypoint x="652" y="120" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(ref.code(), escape(name));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
