package dev.cutover.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Data flows one way, as layers: capture, dissect, filter, analysis and annotations, statistics, the frame
 * pipeline, timeline, report and export, then the command line and the window, which know nothing of each
 * other (the launcher joins them).
 */
@AnalyzeClasses(packages = "dev.cutover", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** Each layer uses only those beneath it; {@code text} (escaping untrusted text) serves all of them. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Text").definedBy("dev.cutover.text..")
            .layer("Capture").definedBy("dev.cutover.capture..")
            .layer("Dissect").definedBy("dev.cutover.dissect..")
            .layer("Filter").definedBy("dev.cutover.filter..")
            .layer("Analysis").definedBy("dev.cutover.analysis..")
            .layer("Annotations").definedBy("dev.cutover.annotations..")
            .layer("Statistics").definedBy("dev.cutover.statistics..")
            .layer("Frames").definedBy("dev.cutover.frames..")
            .layer("Timeline").definedBy("dev.cutover.timeline..")
            .layer("Report").definedBy("dev.cutover.report..")
            .layer("Export").definedBy("dev.cutover.export..")
            .layer("Cli").definedBy("dev.cutover.cli..")
            .layer("Ui").definedBy("dev.cutover.ui..")
            .layer("Launcher").definedBy("dev.cutover")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Export").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Timeline").mayOnlyBeAccessedByLayers("Report", "Cli", "Ui")
            .whereLayer("Frames").mayOnlyBeAccessedByLayers("Report", "Export", "Cli", "Ui")
            .whereLayer("Statistics").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Annotations").mayOnlyBeAccessedByLayers("Frames", "Report", "Export", "Cli", "Ui")
            .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Statistics", "Frames", "Timeline", "Report",
                    "Export", "Cli", "Ui")
            .whereLayer("Filter").mayOnlyBeAccessedByLayers("Frames", "Report", "Export", "Cli", "Ui")
            .whereLayer("Dissect").mayOnlyBeAccessedByLayers("Filter", "Analysis", "Statistics", "Frames",
                    "Timeline", "Report", "Export", "Cli", "Ui")
            .whereLayer("Capture").mayOnlyBeAccessedByLayers("Dissect", "Analysis", "Annotations", "Statistics",
                    "Frames", "Timeline", "Report", "Export", "Cli", "Ui")
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("dev.cutover.capture..", "dev.cutover.dissect..", "dev.cutover.filter..",
                    "dev.cutover.analysis..", "dev.cutover.annotations..", "dev.cutover.statistics..",
                    "dev.cutover.frames..", "dev.cutover.timeline..", "dev.cutover.report..", "dev.cutover.export..",
                    "dev.cutover.cli..", "dev.cutover.text..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /**
     * One road from bytes to answers: above the frame pipeline, frames are decoded through it (which adds the
     * analysis's facts and the annotations wherever they are read), never with a decoder of one's own.
     */
    @ArchTest
    static final ArchRule framesAreDecodedThroughThePipeline = noClasses()
            .that().resideInAnyPackage("dev.cutover.timeline..", "dev.cutover.report..", "dev.cutover.export..",
                    "dev.cutover.cli..", "dev.cutover.ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.cutover.dissect.FrameDecoder");

    @ArchTest
    static final ArchRule onlyLiveCaptureImportsPcap4j = noClasses()
            .that().resideOutsideOfPackage("dev.cutover.capture.live..")
            .should().dependOnClassesThat().resideInAnyPackage("org.pcap4j..");

    @ArchTest
    static final ArchRule viewsOnlyReferencedFromUi = classes()
            .that().haveSimpleNameEndingWith("View").and().resideInAPackage("dev.cutover.ui..")
            .should().onlyBeAccessed().byAnyPackage("dev.cutover.ui..");

    @ArchTest
    static final ArchRule viewModelsKnowNoView = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("View");

    @ArchTest
    static final ArchRule viewModelsBuildNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule textCaptureParsingStandsAlone = noClasses()
            .that().resideInAPackage("dev.cutover.capture.text..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cutover.capture", "dev.cutover.dissect..");
}
