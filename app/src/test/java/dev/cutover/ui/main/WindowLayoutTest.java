package dev.cutover.ui.main;

import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.details.DetailNode;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window as a Wireshark user meets it: the packet list's share of the height at the common screen sizes,
 * the side column and the timeline folded while they have nothing to show, the details tree's right-click menu
 * (Apply as Filter, Prepare as Filter, Copy), the selected field in the status bar, and the Help menu.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("cutover-layout-test");
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    @Test
    void thePacketListTakesAtLeastFortyFivePercentOfTheHeightAtEveryCommonSize(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        for (double[] size : new double[][] {{1280, 800}, {1600, 1000}, {1920, 1080}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Node table = robot.lookup("#packetTable").query();
            double share = table.getBoundsInLocal().getHeight() / stage.getScene().getHeight();
            assertThat(share).as("packet list share at %.0fx%.0f", size[0], size[1]).isGreaterThanOrEqualTo(0.45);
            // the timeline shows a lane whole, its outcome row included; the tree and the bytes have room below
            assertThat(height(robot, "#timelineViewport")).as("timeline at %.0fx%.0f", size[0], size[1])
                    .isGreaterThanOrEqualTo(dev.cutover.timeline.TimelineLayout.wholeLaneHeight());
            assertThat(height(robot, "#detailsTree")).as("details at %.0fx%.0f", size[0], size[1])
                    .isGreaterThanOrEqualTo(120);
        }
        // the stage is shared by the window tests that follow
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    @Test
    void theSideColumnAndTheTimelineFoldToTheirHeadersWhileTheyHaveNothingToShow(FxRobot robot) throws Exception {
        // nothing open: both folded, the packet list has the room
        assertThat(view.lookup("#timelinePane").getStyleClass()).contains("folded");
        assertThat(height(robot, "#timelinePane")).isLessThanOrEqualTo(CollapsiblePane.HEADER + 1);
        assertThat(width(robot, "#sidePane")).isLessThanOrEqualTo(CollapsiblePane.HEADER + 1);
        assertThat(robot.lookup("#timelinePaneSummary").queryAs(Label.class).getText()).startsWith("No capture open.");

        // a capture with a migration: both unfold
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#timelinePane").getStyleClass()).doesNotContain("folded");
        assertThat(height(robot, "#timelinePane")).isGreaterThan(140);
        assertThat(width(robot, "#sidePane")).isGreaterThan(200);
        assertThat(robot.lookup("#timelineLaneCount").queryAs(Label.class).getText()).isEqualTo("1 lane");
        assertThat(robot.lookup("#timelineLaneCount").query().isVisible()).isTrue();

        // the user folds the timeline: the room goes to the tree and the bytes, the packet list keeps its own
        double list = height(robot, "#packetTable");
        double tree = height(robot, "#detailsTree");
        robot.clickOn("#timelinePaneToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(height(robot, "#timelinePane")).isLessThanOrEqualTo(CollapsiblePane.HEADER + 1);
        assertThat(height(robot, "#packetTable")).isCloseTo(list, org.assertj.core.data.Offset.offset(2.0));
        assertThat(height(robot, "#detailsTree")).isGreaterThan(tree + 100);
        robot.clickOn("#timelinePaneToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(height(robot, "#timelinePane")).isGreaterThan(140);

        // a capture with nothing to show in either: they fold again and say why
        Path noArp = Files.createTempDirectory("cutover-noarp").resolve("tcp-only.pcap");
        UiFixtures.writeWithoutArp(noArp);
        robot.interact(() -> vm.open(List.of(noArp)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(height(robot, "#timelinePane")).isLessThanOrEqualTo(CollapsiblePane.HEADER + 1);
        assertThat(robot.lookup("#timelinePaneSummary").queryAs(Label.class).getText())
                .startsWith("No migration in this capture: none of its 53 frames is a RARP notification or a "
                        + "gratuitous ARP");
    }

    @Test
    void applyAsFilterFromTheTreeWritesWiresharksFilterAndAppliesIt(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        robot.interact(() -> vm.packets().goToFrame(UiFixtures.FIRST_RARP + 1));
        rightClick(robot, "Opcode: reverse request (3)");
        pick(robot, "applyAsFilterMenu", "applyAsFilter-SELECTED");
        TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
        assertThat(filter.getText()).isEqualTo("arp.opcode == 3");
        assertThat(vm.filter().appliedProperty().get()).isEqualTo("arp.opcode == 3");
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        assertThat(packets.getItems()).allMatch(f -> vm.packets().row(f).protocol().equals("RARP"))
                .hasSizeLessThan(UiFixtures.SAMPLE_FRAMES);

        // Prepare as Filter: combined with what the bar holds, not applied
        robot.interact(() -> vm.packets().goToFrame(UiFixtures.FIRST_RARP + 1));
        rightClick(robot, "= ID: 10");
        pick(robot, "prepareAsFilterMenu", "prepareAsFilter-AND_NOT_SELECTED");
        assertThat(filter.getText()).isEqualTo("(arp.opcode == 3) && !(vlan.id == 10)");
        assertThat(vm.filter().appliedProperty().get()).isEqualTo("arp.opcode == 3");
    }

    @Test
    void copyPutsTheFieldNameTheValueOrTheFilterOnTheClipboard(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        robot.interact(() -> vm.packets().goToFrame(UiFixtures.FIRST_RARP + 1));
        Map<String, String> copied = new HashMap<>();
        for (String id : new String[] {"copyFieldName", "copyValue", "copyAsFilter", "copyDescription"}) {
            rightClick(robot, "Sender MAC address: ");
            pick(robot, "copyMenu", id);
            robot.interact(() -> copied.put(id, Clipboard.getSystemClipboard().getString()));
        }
        assertThat(copied).containsEntry("copyFieldName", "arp.src.hw_mac")
                .containsEntry("copyValue", "VMware_9d:b0:51 (00:50:56:9d:b0:51)")
                .containsEntry("copyAsFilter", "arp.src.hw_mac == 00:50:56:9d:b0:51")
                .containsEntry("copyDescription", "Sender MAC address: VMware_9d:b0:51 (00:50:56:9d:b0:51)");
    }

    @Test
    void theStatusBarNamesTheSelectedFieldAndItsLength(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        robot.interact(() -> vm.packets().goToFrame(UiFixtures.FIRST_RARP + 1));
        robot.clickOn(cell(robot, "Opcode: reverse request (3)"));
        assertThat(robot.lookup("#statusField").queryAs(Label.class).getText()).isEqualTo("Opcode (arp.opcode), 2 bytes");
        robot.clickOn(cell(robot, "Address Resolution Protocol"));
        assertThat(robot.lookup("#statusField").queryAs(Label.class).getText())
                .isEqualTo("Address Resolution Protocol (arp), 28 bytes");
    }

    @Test
    void detailsAndBytesSayWhatWillAppearUntilAPacketIsPicked(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SAMPLE)));
        assertThat(robot.lookup("#detailsPlaceholder").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#hexPlaceholder").queryAs(Label.class).isVisible()).isTrue();
        robot.interact(() -> vm.packets().goToFrame(3));
        assertThat(robot.lookup("#detailsPlaceholder").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#hexPlaceholder").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void noTwoMenuItemsShareAKeyAndTheShortcutsWindowListsThemAll(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Map<KeyCombination, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(m -> collect(m, all));
        for (MenuItem i : all) {
            if (i.getAccelerator() != null) {
                String before = seen.put(i.getAccelerator(), i.getText());
                if (before != null) {
                    clashes.add(i.getAccelerator().getDisplayText() + ": " + before + " and " + i.getText());
                }
            }
        }
        assertThat(clashes).isEmpty();
        assertThat(seen).hasSizeGreaterThan(15);

        List<HelpWindows.Shortcut> listed = HelpWindows.menuShortcuts(bar.getMenus());
        assertThat(listed).hasSize(seen.size());
        assertThat(listed).contains(new HelpWindows.Shortcut("File › Open",
                seen.keySet().stream().filter(k -> "_Open…".equals(seen.get(k))).findFirst().orElseThrow()
                        .getDisplayText()));
        robot.interact(() -> HelpWindows.showShortcuts(stage, bar.getMenus()));
        TableView<?> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(listed.size() + HelpWindows.OTHER_KEYS.size());
        robot.clickOn("#shortcutsSearch").write("annotat");
        assertThat(table.getItems()).hasSizeBetween(2, 4);
    }

    @Test
    void theUserGuideShowsTheReadmeOpenAtTheDesktopSection(FxRobot robot) {
        robot.interact(() -> HelpWindows.showUserGuide(stage));
        javafx.scene.control.ListView<UserGuide.Section> toc = robot.lookup("#guideContents")
                .queryAs(javafx.scene.control.ListView.class);
        assertThat(toc.getItems()).extracting(UserGuide.Section::title)
                .contains("Cutover", "Desktop", "Command line", "Display filters", "Design");
        assertThat(toc.getSelectionModel().getSelectedItem().title()).isEqualTo("Desktop");
        javafx.scene.layout.VBox page = robot.lookup("#guidePage").queryAs(javafx.scene.layout.VBox.class);
        assertThat(page.getChildren()).hasSizeGreaterThan(5);
        assertThat(((Label) page.getChildren().get(0)).getText()).isEqualTo("Desktop");
    }

    private static void collect(Menu m, List<MenuItem> out) {
        for (MenuItem i : m.getItems()) {
            if (i instanceof Menu) {
                collect((Menu) i, out);
            } else {
                out.add(i);
            }
        }
    }

    /**
     * A right-click on the line: the cell is selected and the tree's menu shown for it (Monocle synthesises no
     * context menu event from the secondary button, so the menu is shown as the platform's request would).
     */
    private void rightClick(FxRobot robot, String label) {
        TreeCell<?> c = cell(robot, label);
        robot.clickOn(c, MouseButton.SECONDARY);
        robot.interact(() -> {
            Bounds b = c.localToScreen(c.getBoundsInLocal());
            TreeView<?> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
            tree.getContextMenu().show(c, b.getMinX() + 10, b.getMinY() + 10);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Picks an item of the menu shown, by id, through its submenus, as a click on it would. */
    private void pick(FxRobot robot, String... ids) {
        robot.interact(() -> {
            TreeView<?> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
            List<MenuItem> items = tree.getContextMenu().getItems();
            MenuItem found = null;
            for (String id : ids) {
                found = items.stream().filter(i -> id.equals(i.getId())).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item " + id));
                if (found instanceof Menu) {
                    items = ((Menu) found).getItems();
                }
            }
            assertThat(found.isDisable()).as(ids[ids.length - 1] + " is enabled").isFalse();
            tree.getContextMenu().hide();
            found.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The details tree's cell of the first line holding the text, opened and scrolled into view. */
    private TreeCell<?> cell(FxRobot robot, String label) {
        TreeView<DetailNode> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
        robot.interact(() -> {
            TreeItem<DetailNode> item = find(tree.getRoot(), label);
            if (item != null) {
                for (TreeItem<DetailNode> p = item.getParent(); p != null; p = p.getParent()) {
                    p.setExpanded(true);
                }
                tree.scrollTo(Math.max(0, tree.getRow(item) - 1));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#detailsTree .tree-cell")
                .match((TreeCell<?> c) -> c.getText() != null && c.getText().contains(label))
                .queryAs(TreeCell.class);
    }

    private static TreeItem<DetailNode> find(TreeItem<DetailNode> item, String label) {
        if (item.getValue() != null && item.getValue().label().contains(label)) {
            return item;
        }
        for (TreeItem<DetailNode> c : item.getChildren()) {
            TreeItem<DetailNode> f = find(c, label);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static double height(FxRobot robot, String id) {
        Bounds b = robot.lookup(id).query().getLayoutBounds();
        return b.getHeight();
    }

    private static double width(FxRobot robot, String id) {
        return robot.lookup(id).query().getLayoutBounds().getWidth();
    }
}
