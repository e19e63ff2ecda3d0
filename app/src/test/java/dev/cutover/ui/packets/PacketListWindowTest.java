package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.annotations.Annotation;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.main.Theme;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Cell;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packet list in the main window (headless, at 1280x800): column widths, tooltips, sorting by a click on a
 * header, the Go and Edit keys, marks and time references, Copy, Export Specified Packets, and the contrast of
 * the selected row's text in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class PacketListWindowTest {
    private MainViewModel vm;
    private MainView view;
    private Path dir;
    private Path sample;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cutover-packet-list-test");
        // a copy: annotating writes a sidecar beside the capture
        sample = Files.copy(UiFixtures.SAMPLE, dir.resolve("esxi-vmotion-vlan10.pcap"));
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(List.of(sample));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            vm.themeProperty().set(Theme.LIGHT);
            vm.close();
        });
    }

    @Test
    void columnsFitTheInterfaceNameTheTimeFormatAndTheFrameCount(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // one file, one interface: as in Wireshark, no Interface column takes Info's room
        assertThat(column(robot, "interface").isVisible()).isFalse();
        // two uplinks' captures together: each frame says which uplink it came in on, in full
        Path vusb1 = Path.of("../sample-captures/esxi-team-vusb1.pcapng");
        Path vusb2 = Path.of("../sample-captures/esxi-team-vusb2.pcapng");
        robot.interact(() -> vm.open(List.of(vusb1, vusb2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, "interface").isVisible()).isTrue();
        TableCell<?, ?> iface = cell(robot, "interface", 0);
        assertThat(iface.getText()).isNotBlank().isEqualTo(vm.packets().interfaceName(0));
        assertThat(drawn(iface)).isEqualTo(iface.getText());
        robot.interact(() -> vm.open(List.of(sample)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(robot, "interface").isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.packets().timeFormatProperty().get()).isEqualTo(TimeFormat.UTC_DATE_TIME);
        TableCell<?, ?> time = cell(robot, "time", 0);
        assertThat(time.getText()).isEqualTo("2025-11-21 08:00:00.035180");
        assertThat(drawn(time)).isEqualTo(time.getText());
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(cell(robot, "time", 0))).isEqualTo(cell(robot, "time", 0).getText()).hasSize(15);

        // the frame count's digits: 483,310 frames as in the 300 MB stress capture
        Path big = SyntheticCapture.write(dir, 483_310, 3);
        robot.interact(() -> vm.open(List.of(big)));
        robot.clickOn(cell(robot, "no", 0));
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(483_309);
        TableCell<?, ?> last = cell(robot, "no", 483_309);
        assertThat(last.getText()).isEqualTo("483310");
        assertThat(drawn(last)).isEqualTo("483310");
    }

    @Test
    void anIpv6AddressOnScreenWidensItsColumnToShowItWhole(FxRobot robot) {
        Path dual = Path.of("../sample-captures/esxi-vmotion-dual-stack.pcap");
        robot.interact(() -> vm.open(List.of(dual)));
        WaitForAsyncUtils.waitForFxEvents();
        int na = -1;
        for (int i = 0; i < vm.packets().frames().size() && na < 0; i++) {
            if (vm.packets().row(i).source().startsWith("fe80::")) {
                na = i;
            }
        }
        assertThat(na).isPositive();
        int frame = na;
        robot.interact(() -> table(robot).scrollTo(frame));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> source = cell(robot, "source", frame);
        assertThat(source.getText()).startsWith("fe80::").hasSizeGreaterThan(17);
        assertThat(drawn(source)).isEqualTo(source.getText());
        TableCell<?, ?> destination = cell(robot, "destination", frame);
        assertThat(drawn(destination)).isEqualTo(destination.getText());
    }

    @Test
    void theCommentColumnIsOnScreenBeforeInfoAndACutShortCellHasATooltip(FxRobot robot) {
        // no frame has a comment: no Comment column, Info has the room
        assertThat(column(table(robot), "comment").isVisible()).isFalse();
        robot.interact(() -> {
            vm.annotations().showFrame(UiFixtures.FIRST_RARP);
            vm.annotations().commentProperty().set("first RARP after the switch-over; the guest's GARP follows");
            vm.annotations().apply();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = table(robot);
        TableColumn<Integer, ?> comment = column(table, "comment");
        assertThat(comment.isVisible()).isTrue();
        List<String> order = new ArrayList<>();
        table.getVisibleLeafColumns().forEach(c -> order.add(c.getId()));
        assertThat(order.indexOf("comment")).isEqualTo(order.indexOf("info") - 1);
        double right = 0;
        for (TableColumn<Integer, ?> c : table.getVisibleLeafColumns()) {
            right += c.getWidth();
            if (c == comment) {
                break;
            }
        }
        assertThat(right).isLessThanOrEqualTo(table.getWidth());

        robot.interact(() -> table.scrollTo(UiFixtures.FIRST_RARP));
        TableColumn<Integer, ?> info = column(table, "info");
        robot.interact(() -> info.setPrefWidth(90));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cut = cell(robot, "info", UiFixtures.FIRST_RARP);
        assertThat(drawn(cut)).isNotEqualTo(cut.getText());
        assertThat(cut.getTooltip()).isNotNull();
        assertThat(cut.getTooltip().getText()).isEqualTo(cut.getText()).isEqualTo(vm.packets().row(40).info());
        TableCell<?, ?> whole = cell(robot, "source", UiFixtures.FIRST_RARP);
        assertThat(drawn(whole)).isEqualTo(whole.getText());
        assertThat(whole.getTooltip()).isNull();
        // the width the user set stays when the format changes
        robot.interact(() -> vm.packets().timeFormatProperty().set(TimeFormat.UTC_DATE_TIME));
        assertThat(info.getWidth()).isEqualTo(90);
    }

    @Test
    void headersSortAscendingDescendingAndBackWithTheFilterAndSelectionKept(FxRobot robot) {
        robot.clickOn("#filterField").write("arp").type(KeyCode.ENTER);
        List<Integer> filtered = List.copyOf(table(robot).getItems());
        assertThat(filtered).hasSizeBetween(10, 60);
        robot.interact(() -> table(robot).scrollTo(0));
        robot.clickOn(row(robot, UiFixtures.FIRST_RARP));

        robot.clickOn(header(robot, "length"));
        ToIntFunction<Integer> length = f -> vm.packets().length(f);
        assertThat(table(robot).getItems()).isEqualTo(sorted(filtered, length, true));
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(UiFixtures.FIRST_RARP);
        robot.clickOn(header(robot, "length"));
        assertThat(table(robot).getItems()).isEqualTo(sorted(filtered, length, false));
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.FIRST_RARP);
        robot.clickOn(header(robot, "length"));
        assertThat(table(robot).getItems()).isEqualTo(filtered);
        assertThat(table(robot).getSortOrder()).isEmpty();

        robot.clickOn(header(robot, "source"));
        List<Integer> bySource = new ArrayList<>(filtered);
        bySource.sort(Comparator.comparing((Integer f) -> vm.packets().row(f).source())
                .thenComparing(Comparator.naturalOrder()));
        assertThat(table(robot).getItems()).isEqualTo(bySource);
        robot.clickOn(header(robot, "source"));
        List<String> descending = table(robot).getItems().stream().map(f -> vm.packets().row(f).source()).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(robot.lookup("#statusFrames").queryAs(Label.class).getText())
                .isEqualTo("Frames: " + filtered.size() + " shown of 77");
        // Esc in the filter bar: every frame, still sorted, the RARP still selected and in the details
        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        assertThat(table(robot).getItems()).hasSize(77);
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(UiFixtures.FIRST_RARP);
    }

    @Test
    void escInTheFilterBarLeavesNoDetailsOfAFrameNotSelected(FxRobot robot) {
        robot.clickOn(row(robot, 2));
        robot.clickOn("#filterField").write("arp").type(KeyCode.ENTER);
        assertThat(table(robot).getSelectionModel().getSelectedItems()).isEmpty();
        assertThat(vm.packets().currentFrameProperty().get()).isEqualTo(-1);
        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        assertThat(table(robot).getSelectionModel().getSelectedItems()).isEmpty();
        assertThat(vm.packets().currentFrameProperty().get()).isEqualTo(-1);
        assertThat(vm.selection().frameProperty().get()).isNull();
    }

    @Test
    void goKeysMoveThroughTheListAndTheMigration(FxRobot robot) {
        robot.clickOn(row(robot, 0));
        press(robot, KeyCode.DOWN);
        assertThat(selected(robot)).isEqualTo(1);
        press(robot, KeyCode.END);
        assertThat(selected(robot)).isEqualTo(76);
        press(robot, KeyCode.UP);
        assertThat(selected(robot)).isEqualTo(75);
        press(robot, KeyCode.HOME);
        assertThat(selected(robot)).isEqualTo(0);
        press(robot, KeyCode.PERIOD);
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Frame 1 belongs to no migration");

        MigrationRow migration = vm.migrations().rows().get(0);
        int[] frames = migration.frames().clone();
        java.util.Arrays.sort(frames);
        robot.interact(() -> vm.packets().goToFrame(frames[0] + 1));
        press(robot, KeyCode.PERIOD);
        assertThat(selected(robot)).isEqualTo(frames[1]);
        press(robot, KeyCode.PERIOD);
        assertThat(selected(robot)).isEqualTo(frames[2]);
        press(robot, KeyCode.COMMA);
        assertThat(selected(robot)).isEqualTo(frames[1]);
        // the keys work from the details pane too, as Wireshark's do
        robot.clickOn("#detailsTree");
        press(robot, KeyCode.PERIOD);
        assertThat(selected(robot)).isEqualTo(frames[2]);
    }

    @Test
    void marksAndTimeReferences(FxRobot robot) {
        robot.clickOn(row(robot, 3));
        press(robot, KeyCode.M);
        assertThat(row(robot, 3).getStyleClass()).contains("marked");
        robot.clickOn(row(robot, 6));
        press(robot, KeyCode.M);
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(selected(robot)).isEqualTo(3);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(selected(robot)).isEqualTo(6);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(selected(robot)).isEqualTo(3);
        // unselected, a marked row is near-black with white text (the light theme's text colour inverted)
        robot.clickOn(row(robot, 1));
        WaitForAsyncUtils.waitForFxEvents();
        Color marked = Color.web("#24292f");
        assertThat(background(row(robot, 3))).isEqualTo(marked);
        assertThat(textFill(cell(robot, "protocol", 3))).isEqualTo(Color.WHITE);
        // selected, it is drawn as selected, with or without the focus
        robot.clickOn(row(robot, 3));
        assertThat(background(row(robot, 3))).isNotEqualTo(marked);
        robot.clickOn("#filterField");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(background(row(robot, 3))).isNotEqualTo(marked);
        robot.clickOn(row(robot, 3));
        press(robot, KeyCode.M);
        assertThat(row(robot, 3).getStyleClass()).doesNotContain("marked");
        assertThat(vm.packets().markedCountProperty().get()).isEqualTo(1);

        robot.clickOn(row(robot, 1));
        press(robot, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, "time", 1).getText()).isEqualTo("*REF*");
        assertThat(cell(robot, "time", 2).getText()).isEqualTo("0.026332");
        assertThat(cell(robot, "time", 0).getText()).isEqualTo("0.000000");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, "time", 1).getText()).isEqualTo("*REF*");
        assertThat(cell(robot, "time", 2).getText()).endsWith(":00.092945");
    }

    @Test
    void copySummaryPutsTheVisibleCellsOfTheSelectedRowsOnTheClipboard(FxRobot robot) {
        robot.interact(() -> view.packetList().restoreColumns(List.of("no", "time", "source", "destination",
                "protocol", "length", "comment", "info"), List.of("interface", "vlan")));
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, 1)).release(KeyCode.SHIFT);
        press(robot, KeyCode.C);
        // Comment is not shown: no frame has one
        String expected = "1\t0.000000\t10.0.10.117\t10.0.10.123\tTCP\t422\t" + vm.packets().row(0).info() + "\n"
                + "2\t0.031433\t10.0.10.122\t10.0.10.117\tTCP\t555\t" + vm.packets().row(1).info() + "\n";
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(expected);

        // the context menu's Copy > Summary as Text does the same (fired: the popup is unreliable headless)
        robot.clickOn(row(robot, UiFixtures.FIRST_RARP - 10));
        MenuItem summary = ((Menu) table(robot).getContextMenu().getItems().stream()
                .filter(i -> "copyContextMenu".equals(i.getId())).findFirst().orElseThrow()).getItems().get(0);
        robot.interact(summary::fire);
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).startsWith((UiFixtures.FIRST_RARP - 9) + "\t").endsWith("\n").hasLineCount(1);
    }

    @Test
    void exportSpecifiedPacketsWritesTheDisplayedMarkedFramesWithTheirComments(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.annotations().showFrame(UiFixtures.FIRST_RARP);
            vm.annotations().commentProperty().set("first RARP");
            vm.annotations().apply();
        });
        robot.clickOn("#filterField").write("arp.opcode == 3").type(KeyCode.ENTER);
        robot.clickOn(row(robot, UiFixtures.FIRST_RARP));
        press(robot, KeyCode.M);
        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.M);
        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        robot.clickOn(row(robot, 2));
        press(robot, KeyCode.M); // marked, but not displayed once the filter is back
        robot.clickOn("#filterField").write("arp.opcode == 3").type(KeyCode.ENTER);
        assertThat(vm.packets().markedCountProperty().get()).isEqualTo(3);

        Path out = dir.resolve("marked.pcapng");
        view.exportPackets().setSaveTarget((w, v) -> out.toFile());
        robot.interact(() -> menuItem(robot, "exportPacketsMenuItem").fire());
        DialogPane dialog = robot.lookup("#exportPacketsDialog").queryAs(DialogPane.class);
        assertThat(robot.from(dialog).lookup("#exportCountMARKEDCaptured").queryAs(Label.class).getText())
                .isEqualTo("3");
        assertThat(robot.from(dialog).lookup("#exportCountMARKEDDisplayed").queryAs(Label.class).getText())
                .isEqualTo("2");
        assertThat(robot.from(dialog).lookup("#exportCountALLCaptured").queryAs(Label.class).getText())
                .isEqualTo("77");
        robot.clickOn(robot.from(dialog).lookup("#exportRangeMARKED").queryAs(RadioButton.class));
        assertThat(robot.from(dialog).lookup("#exportScopeDisplayed").queryAs(RadioButton.class).isSelected())
                .isTrue();
        robot.clickOn(robot.from(dialog).lookup("#exportRangeText").queryAs(TextField.class)).write("1-");
        assertThat(robot.from(dialog).lookup("#exportCountRANGECaptured").queryAs(Label.class).getText())
                .isEqualTo("77");
        robot.clickOn(robot.from(dialog).lookup("#exportRangeMARKED").queryAs(RadioButton.class));
        robot.clickOn(robot.from(dialog).lookup("#exportButton").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#exportPacketsDialog").tryQuery()).isEmpty();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Exported 2 frames to " + out);
        try (Capture back = Capture.open(out)) {
            assertThat(back.frameCount()).isEqualTo(2);
            assertThat(back.comments(0)).containsExactly(new Annotation(41, "first RARP", List.of()).text());
            assertThat(back.index().timestampNanos(1)).isGreaterThan(back.index().timestampNanos(0));
        }

        // the capture itself is refused
        view.exportPackets().setSaveTarget((w, v) -> sample.toFile());
        robot.interact(() -> menuItem(robot, "exportPacketsMenuItem").fire());
        DialogPane again = robot.lookup("#exportPacketsDialog").queryAs(DialogPane.class);
        robot.clickOn(robot.from(again).lookup("#exportButton").queryAs(Button.class));
        assertThat(robot.from(again).lookup("#exportMessage").queryAs(Label.class).getText())
                .contains("is one of the open captures");
        robot.clickOn(robot.from(again).lookup("#exportCancelButton").queryAs(Button.class));
    }

    @Test
    void theSelectedRowIsReadableInBothThemesWithAndWithoutFocus(FxRobot robot) {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(() -> vm.themeProperty().set(theme));
            for (int frame : new int[] {0, UiFixtures.FIRST_RARP}) {
                robot.interact(() -> table(robot).scrollTo(Math.max(0, frame - 2)));
                robot.clickOn(row(robot, frame));
                assertThat(table(robot).isFocused()).isTrue();
                assertReadable(row(robot, frame), cell(robot, "protocol", frame), theme + " focused, frame " + frame);
                Color focused = background(row(robot, frame));
                robot.clickOn("#filterField");
                assertReadable(row(robot, frame), cell(robot, "protocol", frame), theme + " unfocused, frame " + frame);
                // still drawn as selected (a pale tint of the accent, which white rows do not have), not in its
                // colour rule's colour
                Color unfocused = background(row(robot, frame));
                assertThat(unfocused).isNotEqualTo(focused).isNotEqualTo(background(row(robot, 1 + frame)));
                if (theme == Theme.LIGHT) {
                    assertThat(unfocused).isEqualTo(Color.web("#ddf4ff"));
                }
                assertReadable(row(robot, 1 + frame), cell(robot, "protocol", 1 + frame),
                        theme + " unselected, frame " + (1 + frame));
            }
            // a marked row, unselected, in this theme
            robot.interact(() -> table(robot).scrollTo(0));
            robot.clickOn(row(robot, 2));
            press(robot, KeyCode.M);
            robot.clickOn(row(robot, 3));
            assertReadable(row(robot, 2), cell(robot, "protocol", 2), theme + " marked");
            assertThat(contrast(background(row(robot, 2)), background(row(robot, 4))))
                    .as("%s: a marked row stands out from an unmarked one", theme).isGreaterThanOrEqualTo(3);
            robot.clickOn(row(robot, 2));
            press(robot, KeyCode.M);
            // the migrations table's selected row too
            TableView<?> migrations = robot.lookup("#migrationTable").queryAs(TableView.class);
            robot.interact(() -> {
                migrations.requestFocus();
                migrations.getSelectionModel().select(0);
            });
            WaitForAsyncUtils.waitForFxEvents();
            TableRow<?> row = robot.from(migrations).lookup(".table-row-cell")
                    .match((TableRow<?> r) -> r.getIndex() == 0).queryAs(TableRow.class);
            TableCell<?, ?> mac = robot.from(row).lookup(".table-cell")
                    .match((TableCell<?, ?> c) -> c.getText() != null && !c.getText().isEmpty())
                    .queryAs(TableCell.class);
            assertReadable(row, mac, theme + " migrations table");
        }
    }

    // ---- helpers ----

    private static void assertReadable(TableRow<?> row, TableCell<?, ?> cell, String what) {
        WaitForAsyncUtils.waitForFxEvents();
        Color text = textFill(cell);
        Color back = background(row);
        double ratio = contrast(text, back);
        assertThat(ratio).as("%s: text %s on %s", what, text, back).isGreaterThanOrEqualTo(4.5);
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The colour the row's last (topmost) background fill paints. */
    /** The colour the row's inside is painted: its fills laid one over the other, a translucent one blended. */
    private static Color background(TableRow<?> row) {
        List<BackgroundFill> fills = row.getBackground().getFills();
        Color c = (Color) fills.get(0).getFill();
        for (BackgroundFill f : fills.subList(1, fills.size())) {
            Color top = (Color) f.getFill();
            double a = top.getOpacity();
            c = new Color(top.getRed() * a + c.getRed() * (1 - a), top.getGreen() * a + c.getGreen() * (1 - a),
                    top.getBlue() * a + c.getBlue() * (1 - a), 1);
        }
        return c;
    }

    private static Color textFill(Cell<?> cell) {
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return (Color) t.getFill();
            }
        }
        throw new AssertionError("no text in " + cell);
    }

    /** The text the cell draws (ends in an ellipsis when cut short). */
    private static String drawn(Cell<?> cell) {
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Integer selected(FxRobot robot) {
        return table(robot).getSelectionModel().getSelectedItem();
    }

    private static List<Integer> sorted(List<Integer> frames, ToIntFunction<Integer> key, boolean ascending) {
        Comparator<Integer> byKey = Comparator.comparingInt(key);
        List<Integer> out = new ArrayList<>(frames);
        out.sort((ascending ? byKey : byKey.reversed()).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> table(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    private static TableColumn<Integer, ?> column(TableView<Integer> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static TableColumnHeader header(FxRobot robot, String id) {
        return robot.lookup("#packetTable .column-header")
                .match((TableColumnHeader h) -> h.getTableColumn() != null && id.equals(h.getTableColumn().getId()))
                .queryAs(TableColumnHeader.class);
    }

    /** The row showing the frame, scrolled into view first: the list shows only a few rows at 800 px high. */
    private static TableRow<?> row(FxRobot robot, int frame) {
        TableView<Integer> table = table(robot);
        Set<Node> visible = robot.lookup("#packetTable .table-row-cell").queryAll();
        boolean shown = visible.stream().anyMatch(n -> Integer.valueOf(frame).equals(((TableRow<?>) n).getItem())
                && n.isVisible());
        if (!shown) {
            int index = table.getItems().indexOf(frame);
            robot.interact(() -> table.scrollTo(Math.max(0, index - 1)));
        }
        return robot.lookup("#packetTable .table-row-cell")
                .match((TableRow<?> r) -> Integer.valueOf(frame).equals(r.getItem()) && r.isVisible())
                .queryAs(TableRow.class);
    }

    private static TableColumn<?, ?> column(FxRobot robot, String columnId) {
        return table(robot).getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String columnId, int frame) {
        return robot.from(row(robot, frame)).lookup(".table-cell")
                .match((TableCell<?, ?> c) -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .queryAs(TableCell.class);
    }
}
