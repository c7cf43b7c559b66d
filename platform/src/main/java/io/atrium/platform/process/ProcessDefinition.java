package io.atrium.platform.process;

/**
 * A process as drawn: its BPMN file, unchanged, and the name shown for it. Once published, it
 * also says what the engine made of it.
 *
 * @param bpmn       the BPMN 2.0 XML as the modeler (or Camunda Modeler) wrote it
 * @param deployment null in drafts; in a published version, the engine definition it runs as
 */
public record ProcessDefinition(ProcessRef ref, String name, String bpmn, Deployment deployment) {

    /** The engine definition a published version was deployed as. */
    public record Deployment(long definitionKey, String engineId, int engineVersion) {
    }

    public ProcessDefinition {
        if (ref == null || bpmn == null || bpmn.isBlank()) {
            throw new IllegalArgumentException("A process is named and has its BPMN");
        }
        name = name == null || name.isBlank() ? ref.code() : name.strip();
    }

    /** A draft of the drawing. */
    public ProcessDefinition(ProcessRef ref, String name, String bpmn) {
        this(ref, name, bpmn, null);
    }

    public ProcessDefinition deployedAs(Deployment deployed) {
        return new ProcessDefinition(ref, name, bpmn, deployed);
    }

    /** The drawing without what a deployment added, as drafts keep it. */
    public ProcessDefinition drawing() {
        return deployment == null ? this : new ProcessDefinition(ref, name, bpmn, null);
    }
}
