package dev.cutover.ui.migrations;

import dev.cutover.dissect.Severity;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Migrations tab in the main window: the verdict of each sample's migration, and whole MACs (headless). */
@ExtendWith(ApplicationExtension.class)
class MigrationsWindowTest {
    private static final Path SAMPLES = Path.of("../sample-captures");

    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(),
                new PreferencesStore(Files.createTempDirectory("cutover-migrations-test")));
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

    @SuppressWarnings("unchecked")
    private static TableView<MigrationRow> table(FxRobot robot) {
        return robot.lookup("#migrationTable").queryAs(TableView.class);
    }

    private List<String> verdicts(FxRobot robot, Path... files) {
        robot.interact(() -> vm.open(List.of(files)));
        return table(robot).getItems().stream()
                .map(r -> (r.verdict().ok() ? "OK" : r.verdict().severity().label()) + " " + r.verdict().word())
                .toList();
    }

    /** The cell of a column in the row of an item, as drawn. */
    private static TableCell<?, ?> cell(FxRobot robot, String columnId, MigrationRow row) {
        return robot.lookup("#migrationTable .table-cell").match((TableCell<?, ?> c) ->
                c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getTableRow() != null && c.getTableRow().getItem() == row).queryAs(TableCell.class);
    }

    /** The text the cell's skin draws: the cell's text, or that text cut with an ellipsis when it does not fit. */
    private static String drawn(TableCell<?, ?> cell) {
        return ((Text) cell.lookup(".text")).getText();
    }

    @Test
    void eachSamplesMigrationHasTheVerdictOfItsFindings(FxRobot robot) {
        assertThat(verdicts(robot, UiFixtures.SAMPLE)).containsExactly("OK OK");
        assertThat(verdicts(robot, SAMPLES.resolve("esxi-team-vusb1.pcapng"), SAMPLES.resolve("esxi-team-vusb2.pcapng")))
                .containsExactly("OK OK");
        assertThat(verdicts(robot, SAMPLES.resolve("esxi-notify-switches-off.pcap")))
                .containsExactly("Warning No RARP");
        assertThat(verdicts(robot, SAMPLES.resolve("qemu-announce-self.pcap"))).containsExactly("OK OK");
        assertThat(verdicts(robot, SAMPLES.resolve("hyperv-live-migration.pcap"))).containsExactly("Note No RARP");
        assertThat(verdicts(robot, UiFixtures.SILENT_VM)).containsExactly("Warning No GARP");
        assertThat(verdicts(robot, SAMPLES.resolve("duplicate-ip.pcap"))).containsExactly("Error Duplicate IP");
        assertThat(verdicts(robot, SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"))).isEmpty();
        assertThat(verdicts(robot, SAMPLES.resolve("rarp-only-ethtype-8035.pcap")))
                .containsExactly("Note No ARP captured");
        assertThat(verdicts(robot, SAMPLES.resolve("esxi-vmotion-vlan10.pktcap.txt"))).containsExactly("OK OK");
        assertThat(verdicts(robot, SAMPLES.resolve("two-uplinks-nanosecond.pcapng")))
                .containsExactly("Warning MAC flapping");
        assertThat(verdicts(robot, SAMPLES.resolve("vlan-mismatch.pcap"))).containsExactly("Error VLAN mismatch");
    }

    @Test
    void theVerdictCellIsTheFirstColumnColouredBySeverityWithTheFindingsInItsTooltip(FxRobot robot) {
        verdicts(robot, SAMPLES.resolve("vlan-mismatch.pcap"));
        assertThat(table(robot).getColumns().get(0).getId()).isEqualTo("verdictColumn");
        MigrationRow row = table(robot).getItems().get(0);
        TableCell<?, ?> verdict = cell(robot, "verdictColumn", row);
        assertThat(verdict.getText()).isEqualTo("VLAN mismatch");
        assertThat(drawn(verdict)).isEqualTo("VLAN mismatch");
        assertThat(verdict.getStyleClass()).contains("verdict-error");
        assertThat(verdict.getTooltip().getText())
                .isEqualTo("Error [vlan-mismatch] " + vm.migrations().reportProperty().get().findings().get(0).message());
        assertThat(row.verdict().severity()).isEqualTo(Severity.ERROR);
        assertThat(robot.lookup("#migrationFindingSummary").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Findings: 1 error");

        // no finding and the network seen to follow: the green tick
        verdicts(robot, SAMPLES.resolve("vmotion-ping-ok.pcap"));
        TableCell<?, ?> ok = cell(robot, "verdictColumn", table(robot).getItems().get(0));
        assertThat(ok.getStyleClass()).contains("verdict-ok");
        assertThat(ok.getText()).isEqualTo("OK");
        assertThat(ok.getTooltip().getText()).startsWith("No finding about this migration");

        // no finding, but the VM sent nothing to judge its move by (the bundled sample): no tick, no colour
        verdicts(robot, UiFixtures.SAMPLE);
        MigrationRow unjudged = table(robot).getItems().get(0);
        assertThat(unjudged.outcomeLevel()).isEqualTo("unknown");
        TableCell<?, ?> none = cell(robot, "verdictColumn", unjudged);
        assertThat(none.getStyleClass()).contains("verdict-none").doesNotContain("verdict-ok");
        assertThat(none.getText()).isEqualTo("No finding");
        assertThat(none.getTooltip().getText()).startsWith("No finding about this migration")
                .contains("could not be measured: the outcome says \u201cno frame of the VM\u201d");
    }

    @Test
    void theMacAndTheAddressesAreDrawnWhole(FxRobot robot) {
        verdicts(robot, UiFixtures.SAMPLE);
        MigrationRow row = table(robot).getItems().get(0);
        TableCell<?, ?> mac = cell(robot, "macColumn", row);
        assertThat(mac.getText()).isEqualTo("00:50:56:9d:b0:51");
        assertThat(drawn(mac)).isEqualTo("00:50:56:9d:b0:51");
        TableColumn<?, ?> column = mac.getTableColumn();
        double textWidth = MigrationsView.textWidth("00:50:56:9d:b0:51", mac.getFont());
        assertThat(column.getWidth()).isGreaterThanOrEqualTo(textWidth + mac.snappedLeftInset()
                + mac.snappedRightInset());
        assertThat(column.getMinWidth()).isGreaterThanOrEqualTo(textWidth);

        // narrowing the column by hand stops at a whole MAC
        robot.interact(() -> table(robot).resizeColumn((TableColumn<MigrationRow, ?>) table(robot).getColumns()
                .get(1), -200));
        assertThat(column.getWidth()).isGreaterThanOrEqualTo(textWidth);
        assertThat(drawn(cell(robot, "macColumn", row))).isEqualTo("00:50:56:9d:b0:51");

        TableCell<?, ?> ips = cell(robot, "garpIpsColumn", row);
        assertThat(drawn(ips)).isEqualTo("10.0.10.52");
    }

    @Test
    void selectingARowSelectsItsFrames(FxRobot robot) {
        verdicts(robot, UiFixtures.SILENT_VM);
        MigrationRow row = table(robot).getItems().get(0);
        robot.clickOn(robot.from(table(robot)).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == row).queryAs(TableRow.class));
        @SuppressWarnings("unchecked")
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        assertThat(packets.getSelectionModel().getSelectedItems())
                .containsExactlyInAnyOrderElementsOf(IntStream.of(row.frames()).boxed().toList());
        assertThat(packets.getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.SILENT_VM_FIRST_RARP);
    }
}
