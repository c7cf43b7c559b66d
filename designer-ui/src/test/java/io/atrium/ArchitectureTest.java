package io.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The module and feature boundaries of docs/architecture/modules.md, as tests. */
@AnalyzeClasses(packages = "io.atrium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule vaadinOnlyInTheUi = noClasses()
            .that().resideInAnyPackage("io.atrium.platform..", "io.atrium.runtime..", "io.atrium.sdk..",
                    "io.atrium.templates..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("only designer-ui knows Vaadin");

    @ArchTest
    static final ArchRule graalJsOnlyInTheScriptEngine = noClasses()
            .that().resideOutsideOfPackage("io.atrium.runtime.script..")
            .should().dependOnClassesThat().resideInAPackage("org.graalvm..")
            .because("GraalJS is an implementation detail of the script engine");

    @ArchTest
    static final ArchRule platformKnowsNoEngines = noClasses()
            .that().resideInAPackage("io.atrium.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.camunda..", "org.graalvm..", "com.vaadin..",
                    "io.atrium.runtime..", "io.atrium.ui..", "io.atrium.sdk..", "io.atrium.templates..")
            .because("platform is the kernel: it knows nothing of Zeebe, GraalJS, Vaadin or the modules above it");

    @ArchTest
    static final ArchRule sdkIsAPureContract = noClasses()
            .that().resideInAPackage("io.atrium.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("io.atrium.platform..", "io.atrium.runtime..",
                    "io.atrium.ui..", "io.atrium.templates..", "org.springframework..")
            .because("the scripts SDK is a contract the runtime implements, never the reverse");

    @ArchTest
    static final ArchRule runtimeKnowsNoUi = noClasses()
            .that().resideInAPackage("io.atrium.runtime..")
            .should().dependOnClassesThat().resideInAPackage("io.atrium.ui..")
            .because("runtime runs headless");

    @ArchTest
    static final ArchRule internalsStayInsideTheirFeature = classes()
            .that().resideInAPackage("..internal..")
            .should(onlyBeUsedFromTheirOwnFeature());

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("io.atrium.(*).(*)..")
            .should().beFreeOfCycles();

    /** A class in {@code a.b.feature.internal} may be used only by classes under {@code a.b.feature}. */
    private static ArchCondition<JavaClass> onlyBeUsedFromTheirOwnFeature() {
        return new ArchCondition<>("only be used from their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String name = target.getPackageName();
                String feature = name.substring(0, name.indexOf(".internal"));
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    String origin = dependency.getOriginClass().getPackageName();
                    if (!origin.equals(feature) && !origin.startsWith(feature + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
