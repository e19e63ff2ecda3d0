package dev.cutover.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Data flows one way: capture, dissect, analysis/filter, then report, ui and cli. */
@AnalyzeClasses(packages = "dev.cutover", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("dev.cutover.capture..", "dev.cutover.dissect..", "dev.cutover.filter..",
                    "dev.cutover.analysis..", "dev.cutover.report..", "dev.cutover.cli..", "dev.cutover.statistics..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** The statistics are engine: the windows show them, and a command could print them without a window. */
    @ArchTest
    static final ArchRule statisticsKnowNothingAbove = noClasses()
            .that().resideInAPackage("dev.cutover.statistics..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.cutover.ui..", "dev.cutover.cli..",
                    "dev.cutover.report..");

    /** The timeline model and its SVG writer serve the HTML report too, which runs without a window. */
    @ArchTest
    static final ArchRule timelineModelImportsNoJavaFx = noClasses()
            .that().resideInAPackage("dev.cutover.timeline..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.cutover.ui..");

    @ArchTest
    static final ArchRule onlyLiveCaptureImportsPcap4j = noClasses()
            .that().resideOutsideOfPackage("dev.cutover.capture.live..")
            .should().dependOnClassesThat().resideInAnyPackage("org.pcap4j..");

    @ArchTest
    static final ArchRule captureKnowsNothingAbove = noClasses()
            .that().resideInAPackage("dev.cutover.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cutover.dissect..", "dev.cutover.filter..",
                    "dev.cutover.analysis..", "dev.cutover.report..", "dev.cutover.ui..", "dev.cutover.cli..");

    @ArchTest
    static final ArchRule dissectKnowsNothingAbove = noClasses()
            .that().resideInAPackage("dev.cutover.dissect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cutover.filter..", "dev.cutover.analysis..",
                    "dev.cutover.report..", "dev.cutover.ui..", "dev.cutover.cli..");

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
    static final ArchRule analysisKnowsNothingAbove = noClasses()
            .that().resideInAPackage("dev.cutover.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cutover.filter..", "dev.cutover.report..",
                    "dev.cutover.ui..", "dev.cutover.cli..");

    @ArchTest
    static final ArchRule textCaptureParsingStandsAlone = noClasses()
            .that().resideInAPackage("dev.cutover.capture.text..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cutover.capture", "dev.cutover.dissect..");
}
