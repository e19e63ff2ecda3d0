package dev.cutover.ui.expert;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.geometry.Point2D;
import javafx.geometry.Bounds;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Findings tab (Analyze > Expert Information) in the main window, on the samples (headless, on Monocle). */
@ExtendWith(ApplicationExtension.class)
class FindingsWindowTest {
    private static final Path SAMPLES = Path.of("../sample-captures");

    private MainViewModel vm;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cutover-findings-test");
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> vm.open(List.of(file)));
        // Analyze > Expert Information
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("findingsTab");
    }

    private static List<Finding> findings(Path file) throws Exception {
        try (Capture c = Capture.open(file)) {
            return MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE).findings();
        }
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<Object> tree(FxRobot robot) {
        return robot.lookup("#findingsTree").queryAs(TreeTableView.class);
    }

    private static List<String> groupTitles(FxRobot robot) {
        return tree(robot).getRoot().getChildren().stream().map(i -> ((ExpertGroup) i.getValue()).title()).toList();
    }

    /** The row of a value, scrolled to the top of the tree first (the side column is short). */
    private static TreeTableRow<?> row(FxRobot robot, Object value) {
        TreeTableView<Object> tree = tree(robot);
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            if (tree.getTreeItem(i).getValue() == value) {
                int index = i;
                robot.interact(() -> tree.scrollTo(index));
            }
        }
        return robot.lookup("#findingsTree .tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getItem() == value).queryAs(TreeTableRow.class);
    }

    /**
     * Clicks the part of a row the tree shows, at its right (away from the disclosure arrow): a row of a long
     * sentence may be taller than the side column, and partly under the column headers.
     */
    private static void click(FxRobot robot, TreeTableRow<?> row) {
        Bounds r = row.localToScreen(row.getBoundsInLocal());
        Node header = tree(robot).lookup(".column-header-background");
        double top = Math.max(r.getMinY(), header.localToScreen(header.getBoundsInLocal()).getMaxY());
        robot.clickOn(new Point2D(r.getMaxX() - 40, top + 6));
    }

    /** The text drawn in a row's Summary cell: the sentence (first) and the facts under it. */
    private static List<Text> drawnText(TreeTableRow<?> row) {
        return row.lookupAll(".finding-text").stream().map(Text.class::cast).filter(Node::isVisible).toList();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> packets(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    @Test
    void aSilentVmsFindingIsReadWholeAndClickingItSelectsItsFrames(FxRobot robot) throws Exception {
        open(robot, UiFixtures.SILENT_VM);
        Finding finding = findings(UiFixtures.SILENT_VM).get(0);
        assertThat(groupTitles(robot)).containsExactly("Warning · rarp-without-garp · 1");
        TreeItem<Object> group = tree(robot).getRoot().getChildren().get(0);
        assertThat(group.isExpanded()).isTrue();
        // the group's row says what it is about in the title its kind declares
        assertThat(drawnText(row(robot, group.getValue())).get(1).getText())
                .isEqualTo(FindingCode.RARP_WITHOUT_GARP.title() + " (migration analysis)");
        ExpertItem item = (ExpertItem) group.getChildren().get(0).getValue();

        TreeTableRow<?> itemRow = row(robot, item);
        List<Text> drawn = drawnText(itemRow);
        // the whole sentence is drawn, wrapped to the column over several lines, none of it cut
        assertThat(drawn.get(0).getText()).isEqualTo(finding.message());
        double lineHeight = drawn.get(0).getFont().getSize();
        assertThat(drawn.get(0).getLayoutBounds().getHeight()).isGreaterThan(3 * lineHeight);
        assertThat(drawn.get(0).getLayoutBounds().getWidth()).isLessThanOrEqualTo(itemRow.getWidth());
        assertThat(itemRow.getHeight()).isGreaterThanOrEqualTo(drawn.get(0).getLayoutBounds().getHeight());
        assertThat(drawn.get(1).getText()).isEqualTo(item.facts()).contains("MAC 00:50:56:9d:c4:22", "IP 10.0.10.77");

        click(robot, itemRow);
        assertThat(packets(robot).getSelectionModel().getSelectedItems())
                .containsExactlyInAnyOrderElementsOf(finding.frames());
        assertThat(packets(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.SILENT_VM_FIRST_RARP);
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText()).isEqualTo("Findings: 1 warning");
    }

    @Test
    void aDuplicateIpIsAnErrorGroupAndClickingTheGroupSelectsItsFrames(FxRobot robot) throws Exception {
        Path file = SAMPLES.resolve("duplicate-ip.pcap");
        open(robot, file);
        Finding finding = findings(file).get(0);
        // the analysis's error, then Wireshark's duplicate address warning on the frame the list colours for it
        assertThat(groupTitles(robot)).containsExactly("Error · duplicate-ip · 1",
                "Warning · arp.duplicate-address-detected · 1");
        TreeItem<Object> group = tree(robot).getRoot().getChildren().get(0);
        ExpertItem item = (ExpertItem) group.getChildren().get(0).getValue();
        assertThat(drawnText(row(robot, item)).get(0).getText()).isEqualTo(finding.message());

        click(robot, row(robot, group.getValue()));
        assertThat(packets(robot).getSelectionModel().getSelectedItems())
                .containsExactlyInAnyOrderElementsOf(finding.frames());
        assertThat(packets(robot).getSelectionModel().getSelectedItem()).isEqualTo(finding.frames().get(0));
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText())
                .isEqualTo("Findings: 1 error \u00b7 expert infos: 1 warning");
    }

    @Test
    void aVlanMismatchIsAnErrorAndTheSeverityToggleHidesIt(FxRobot robot) throws Exception {
        Path file = SAMPLES.resolve("vlan-mismatch.pcap");
        open(robot, file);
        Finding finding = findings(file).get(0);
        assertThat(groupTitles(robot)).containsExactly("Error · vlan-mismatch · 1");
        ExpertItem item = (ExpertItem) tree(robot).getRoot().getChildren().get(0).getChildren().get(0).getValue();
        assertThat(drawnText(row(robot, item)).get(0).getText()).isEqualTo(finding.message())
                .contains("VLAN 10", "VLAN 20");
        robot.clickOn("#showErrors");
        assertThat(groupTitles(robot)).isEmpty();
        robot.clickOn("#showErrors");
        assertThat(groupTitles(robot)).hasSize(1);
        robot.clickOn("#findingSearch").write("no such thing");
        assertThat(groupTitles(robot)).isEmpty();
        robot.eraseText(13).write("port group");
        assertThat(groupTitles(robot)).containsExactly("Error · vlan-mismatch · 1");
    }

    @Test
    void aCaptureCutShortHasExpertInfosForItsFrames(FxRobot robot) throws Exception {
        open(robot, SnappedCapture.of(UiFixtures.SAMPLE, dir, 40));
        assertThat(groupTitles(robot)).anySatisfy(t -> assertThat(t).startsWith("Warning · _ws.short · "));
        TreeItem<Object> shorts = tree(robot).getRoot().getChildren().stream()
                .filter(i -> ((ExpertGroup) i.getValue()).code().equals("_ws.short")).findFirst().orElseThrow();
        robot.interact(() -> shorts.setExpanded(true));
        ExpertItem rarp = shorts.getChildren().stream().map(i -> (ExpertItem) i.getValue())
                .filter(i -> i.frames()[0] == UiFixtures.FIRST_RARP).findFirst().orElseThrow();
        click(robot, row(robot, rarp));
        assertThat(packets(robot).getSelectionModel().getSelectedItems()).containsExactly(UiFixtures.FIRST_RARP);
        assertThat(drawnText(row(robot, rarp)).get(0).getText()).startsWith("Frame cut short during capture: ");
        assertThat(drawnText(row(robot, rarp)).get(1).getText()).isEqualTo("frame 41");
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText()).contains("warnings");
    }

    @Test
    void aDamagedFileShowsItsTruncatedCaptureWarning(FxRobot robot) throws Exception {
        open(robot, UiFixtures.damagedSample(dir));
        assertThat(groupTitles(robot)).contains("Warning · truncated-capture · 1");
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText()).isEqualTo("Findings: 1 warning");
    }

    @Test
    void theStatusBarAndTheMigrationsLinkOpenTheFindingsTab(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SILENT_VM)));
        TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
        robot.clickOn("#findingsLink");
        assertThat(side.getSelectionModel().getSelectedItem().getId()).isEqualTo("findingsTab");
        robot.interact(() -> side.getSelectionModel().select(0));
        robot.clickOn("#statusFindings");
        assertThat(side.getSelectionModel().getSelectedItem().getId()).isEqualTo("findingsTab");
    }

    @Test
    void aCleanMigrationHasNoFindings(FxRobot robot) {
        open(robot, UiFixtures.SAMPLE);
        assertThat(groupTitles(robot)).isEmpty();
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText()).isEqualTo("Findings: none");
    }
}
