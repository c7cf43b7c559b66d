package io.atrium.platform.process;

import io.atrium.platform.app.FieldError;
import java.util.List;

/** Checks a process and deploys it to the engine; the runtime provides it. */
public interface ProcessDeployer {

    /**
     * Checks the drawing and deploys it.
     *
     * @throws io.atrium.platform.app.ValidationException listing every problem, each on the id of
     *                                                    the BPMN element it concerns (empty for the whole)
     */
    ProcessDefinition.Deployment deploy(ProcessDefinition definition);

    /** Every problem the drawing has, each on the element it concerns; empty when it would deploy. */
    List<FieldError> check(ProcessDefinition definition);
}
