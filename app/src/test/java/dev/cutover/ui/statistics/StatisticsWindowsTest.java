package dev.cutover.ui.statistics;

import dev.cutover.statistics.BindingEvent;
import dev.cutover.statistics.Endpoint;
import dev.cutover.statistics.IoGraph;
import dev.cutover.statistics.ProtocolHierarchy;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.main.Theme;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Statistics menu's windows over the main window, driven through their controls (headless, on Monocle). */
@ExtendWith(ApplicationExtension.class)
class StatisticsWindowsTest {
    private static final Path SAMPLES = Path.of("../sample-captures");
    private static final String VM_MAC = "00:50:56:9d:b0:51";

    private MainViewModel vm;
    private MainView view;
    private Stage main;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        Path dir = Files.createTempDirectory("cutover-stats-test");
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(List.of(UiFixtures.SAMPLE));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != main) {
                    w.hide();
                }
            }
            vm.close();
        });
    }

    /** Fires a Statistics menu item, as a click on it does. */
    private void menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().filter(m -> "statisticsMenu".equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    private static TableView<Endpoint> endpoints(FxRobot robot) {
        return robot.lookup("#endpointsTable").queryAs(TableView.class);
    }

    private static Endpoint row(TableView<Endpoint> t, String mac) {
        return t.getItems().stream().filter(e -> e.macText().equals(mac)).findFirst().orElseThrow();
    }

    private static <T> void clickRow(FxRobot robot, TableView<T> table, T item) {
        robot.interact(() -> table.scrollTo(item));
        robot.clickOn(robot.from(table).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == item).queryAs(TableRow.class));
    }

    @Test
    void theMenuSitsBetweenViewAndHelpWithItsFourItems(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(m -> m.getText().replace("_", ""))
                .containsSubsequence("View", "Statistics", "Help");
        robot.clickOn("Statistics");
        robot.clickOn("Endpoints");
        assertThat(robot.lookup("#endpointsView").tryQuery()).isPresent();
        Stage window = (Stage) robot.lookup("#endpointsView").queryAs(Node.class).getScene().getWindow();
        assertThat(window.getOwner()).isSameAs(main);
        assertThat(window.getModality()).isEqualTo(javafx.stage.Modality.NONE);
        assertThat(window.getTitle()).isEqualTo("Endpoints — esxi-vmotion-vlan10.pcap — Cutover");
        assertThat(window.getScene().getStylesheets()).anyMatch(s -> s.endsWith("cutover.css"));
    }

    @Test
    void endpointsOfTheVmotionSampleShowTheVmWithItsIpVlanAndInterface(FxRobot robot) {
        menu(robot, "endpointsMenuItem");
        TableView<Endpoint> t = endpoints(robot);
        assertThat(t.getItems()).hasSize(11);
        Endpoint v = row(t, VM_MAC);
        assertThat(v.ipsText()).isEqualTo("10.0.10.52");
        assertThat(v.vlansText()).isEqualTo("10");
        assertThat(v.interfacesText()).isEqualTo("esxi-vmotion-vlan10.pcap");
        assertThat(v.framesSent()).isEqualTo(7);
        assertThat(robot.lookup("#endpointsSummary").queryAs(Label.class).getText())
                .isEqualTo("11 MACs in 77 frames");
        Label ips = robot.lookup("#endpointsIpsHeader").queryAs(Label.class);
        assertThat(ips.getTooltip().getText()).contains("ARP").contains("not the addresses of routed IPv4".substring(4));
        // times in the packet list's format: seconds since the first frame, then UTC when it changes
        assertThat(robot.lookup("#endpointsTable .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                c.getTableRow() != null && c.getTableRow().getItem() == v && "First seen".equals(
                        c.getTableColumn().getText())).queryAs(javafx.scene.control.TableCell.class).getText())
                .isEqualTo(vm.packets().time(40));
    }

    @Test
    void twoTeamedUplinksShowWhichUplinkEachMacUsed(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(SAMPLES.resolve("esxi-team-vusb1.pcapng"),
                SAMPLES.resolve("esxi-team-vusb2.pcapng"))));
        menu(robot, "endpointsMenuItem");
        TableView<Endpoint> t = endpoints(robot);
        assertThat(t.getItems()).hasSize(19);
        Endpoint v = row(t, VM_MAC);
        assertThat(v.ipsText()).isEqualTo("10.0.10.52");
        assertThat(v.vlansText()).isEqualTo("10");
        assertThat(v.interfaces()).containsExactly("vusb2");
        assertThat(row(t, "00:00:5e:00:01:0a").interfaces()).containsExactlyInAnyOrder("vusb1", "vusb2");
        assertThat(row(t, "00:50:56:9d:10:25").interfaces()).containsExactly("vusb1");
    }

    @Test
    void applyAsFilterPutsEthAddrInTheFilterBarAndFiltersTheList(FxRobot robot) {
        menu(robot, "endpointsMenuItem");
        TableView<Endpoint> t = endpoints(robot);
        assertThat(robot.lookup("#endpointsApplyFilter").queryAs(Button.class).isDisabled()).isTrue();
        clickRow(robot, t, row(t, VM_MAC));
        robot.clickOn("#endpointsApplyFilter");
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText())
                .isEqualTo("eth.addr == " + VM_MAC);
        assertThat(vm.filter().appliedProperty().get()).isEqualTo("eth.addr == " + VM_MAC);
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        // the VM's six RARPs and its GARP: frames 41 to 47
        assertThat(packets.getItems()).containsExactly(40, 41, 42, 43, 44, 45, 46);
        assertThat(robot.lookup("#statusFrames").queryAs(Label.class).getText()).isEqualTo("Frames: 7 shown of 77");
    }

    @Test
    void theBoxFiltersRowsAndLimitToDisplayFilterCountsOnlyTheShownFrames(FxRobot robot) {
        menu(robot, "endpointsMenuItem");
        TableView<Endpoint> t = endpoints(robot);
        robot.clickOn("#endpointsSearch").write("10.0.10.5");
        assertThat(t.getItems()).extracting(Endpoint::macText).containsExactly(VM_MAC);
        robot.interact(() -> robot.lookup("#endpointsSearch").queryAs(TextField.class).clear());
        assertThat(t.getItems()).hasSize(11);

        robot.interact(() -> {
            vm.filter().textProperty().set("arp.opcode == 3");
            vm.filter().apply();
        });
        assertThat(t.getItems()).hasSize(11); // all frames until asked
        robot.clickOn("#endpointsLimit");
        assertThat(robot.lookup("#endpointsLimit").queryAs(CheckBox.class).isSelected()).isTrue();
        // the six RARPs: the VM's MAC sends them to broadcast
        assertThat(t.getItems()).extracting(Endpoint::macText)
                .containsExactlyInAnyOrder(VM_MAC, "ff:ff:ff:ff:ff:ff");
        assertThat(row(t, VM_MAC).framesSent()).isEqualTo(6);
        assertThat(robot.lookup("#endpointsSummary").queryAs(Label.class).getText())
                .isEqualTo("2 MACs in 6 frames shown by arp.opcode == 3");
    }

    @Test
    void bindingsOfTheDuplicateIpSampleAndSelectingTheChangeSelectsItsFrame(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(SAMPLES.resolve("duplicate-ip.pcap"))));
        menu(robot, "bindingsMenuItem");
        TableView<BindingEvent> t = robot.lookup("#bindingsTable").queryAs(TableView.class);
        assertThat(t.getItems()).hasSize(11);
        assertThat(t.getItems()).filteredOn(e -> e.kind() == BindingEvent.Kind.NEW_STATION).hasSize(10);
        BindingEvent change = t.getItems().get(10);
        assertThat(change.kind().words()).isEqualTo("changed ethernet address");
        assertThat(change.ipText()).isEqualTo("10.0.10.52");
        assertThat(change.macText()).isEqualTo("00:50:56:9d:77:01");
        assertThat(change.previousMacText()).isEqualTo(VM_MAC);
        assertThat(robot.lookup("#bindingsSummary").queryAs(Label.class).getText())
                .isEqualTo("10 IPs claimed in 27 ARP frames; 1 change");

        clickRow(robot, t, change);
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        assertThat(packets.getSelectionModel().getSelectedItem()).isEqualTo(79);
        assertThat(vm.packets().currentFrameProperty().get()).isEqualTo(79);

        robot.clickOn("#bindingsChangesOnly");
        assertThat(t.getItems()).containsExactly(change);
        robot.clickOn("#bindingsChangesOnly");
        robot.clickOn("#bindingsSearch").write("10.0.10.1");
        assertThat(t.getItems()).extracting(BindingEvent::ipText)
                .containsExactly("10.0.10.117", "10.0.10.123", "10.0.10.122", "10.0.10.116", "10.0.10.1",
                        "10.0.10.119", "10.0.10.118", "10.0.10.120", "10.0.10.103");
    }

    @Test
    void aBindingWhoseFrameTheFilterHidesSaysSo(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(SAMPLES.resolve("duplicate-ip.pcap"))));
        robot.interact(() -> {
            vm.filter().textProperty().set("arp.opcode == 3");
            vm.filter().apply();
        });
        menu(robot, "bindingsMenuItem");
        TableView<BindingEvent> t = robot.lookup("#bindingsTable").queryAs(TableView.class);
        clickRow(robot, t, t.getItems().get(10));
        assertThat(robot.lookup("#bindingsMessage").queryAs(Label.class).getText())
                .isEqualTo("Frame 80 is hidden by the display filter");
    }

    @Test
    void theHierarchyCountsAsTsharkAndFollowsTheDisplayFilter(FxRobot robot) {
        menu(robot, "protocolHierarchyMenuItem");
        TreeTableView<ProtocolHierarchy.Node> tree = robot.lookup("#hierarchyTree")
                .queryAs(TreeTableView.class);
        TreeItem<ProtocolHierarchy.Node> root = tree.getRoot();
        assertThat(root.getValue().frames()).isEqualTo(77);
        TreeItem<ProtocolHierarchy.Node> vlan = root.getChildren().get(0).getChildren().get(0);
        assertThat(vlan.getValue().label()).isEqualTo("802.1Q Virtual LAN");
        // tshark -q -z io,phs: ip frames:53 bytes:15025, arp frames:24 bytes:1536
        assertThat(vlan.getChildren()).extracting(i -> i.getValue().abbrev() + " " + i.getValue().frames() + " "
                + i.getValue().bytes()).containsExactly("ip 53 15025", "arp 24 1536");
        assertThat(robot.lookup("#hierarchySummary").queryAs(Label.class).getText())
                .isEqualTo("Display filter: none · 77 frames, 16,561 bytes");
        assertThat(robot.lookup("#hierarchyTree .tree-table-row-cell").match(
                (javafx.scene.control.TreeTableRow<?> r) -> r.getItem() != null
                        && ((ProtocolHierarchy.Node) r.getItem()).abbrev().equals("arp"))
                .lookup(".percent-text").queryAs(Label.class).getText()).isEqualTo("31.2%");

        robot.interact(() -> {
            vm.filter().textProperty().set("arp");
            vm.filter().apply();
        });
        assertThat(tree.getRoot().getValue().frames()).isEqualTo(24);
        assertThat(robot.lookup("#hierarchySummary").queryAs(Label.class).getText())
                .isEqualTo("Display filter: arp · 24 frames, 1,536 bytes");
        robot.clickOn("#hierarchyLimit");
        assertThat(tree.getRoot().getValue().frames()).isEqualTo(77);
    }

    @Test
    void theIoGraphOpensAndCountsEveryFrameAndTheArpClasses(FxRobot robot) {
        menu(robot, "ioGraphMenuItem");
        Canvas canvas = robot.lookup("#ioGraphCanvas").queryAs(Canvas.class);
        assertThat(canvas.getWidth()).isGreaterThan(100);
        IoGraph.Bins bins = vm.statistics().ioGraph().binsProperty().get();
        assertThat(bins).isNotNull();
        assertThat(Arrays.stream(bins.counts()[IoGraph.Series.ALL.ordinal()]).sum()).isEqualTo(77);
        assertThat(Arrays.stream(bins.counts()[IoGraph.Series.RARP.ordinal()]).sum()).isEqualTo(6);
        assertThat(Arrays.stream(bins.counts()[IoGraph.Series.GARP.ordinal()]).sum()).isEqualTo(1);
        assertThat(bins.counts()[IoGraph.Series.DISPLAYED.ordinal()]).isNull();
        assertThat(robot.lookup("#ioGraphSummary").queryAs(Label.class).getText())
                .startsWith("Interval: " + IoGraph.intervalText(bins.binNanos()));

        robot.interact(() -> robot.lookup("#ioGraphInterval")
                .queryAs(javafx.scene.control.ComboBox.class).setValue(1_000_000_000L));
        bins = vm.statistics().ioGraph().binsProperty().get();
        assertThat(bins.binNanos()).isEqualTo(1_000_000_000L);
        robot.interact(() -> {
            vm.filter().textProperty().set("arp");
            vm.filter().apply();
        });
        bins = vm.statistics().ioGraph().binsProperty().get();
        assertThat(Arrays.stream(bins.counts()[IoGraph.Series.DISPLAYED.ordinal()]).sum()).isEqualTo(24);

        // a click selects the first frame of the interval under the pointer: the first second holds frame 1
        robot.interact(() -> {
            vm.filter().clear();
        });
        long first = vm.statistics().ioGraph().originNanos();
        double x = vm.statistics().ioGraph().scaleProperty().get().x(first + 500_000_000L, IoGraphCanvas.LEFT,
                ((IoGraphCanvas) canvas).plotWidth());
        robot.moveTo(canvas, javafx.geometry.Pos.TOP_LEFT, new javafx.geometry.Point2D(x, IoGraphCanvas.TOP + 20),
                org.testfx.robot.Motion.DIRECT);
        assertThat(robot.lookup("#ioGraphHover").queryAs(Label.class).getText())
                .startsWith("+0.000 s (1 s): All frames ");
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(vm.packets().currentFrameProperty().get()).isEqualTo(0);
    }

    @Test
    void theGraphTurnsDarkWithTheTheme(FxRobot robot) {
        menu(robot, "ioGraphMenuItem");
        Canvas canvas = robot.lookup("#ioGraphCanvas").queryAs(Canvas.class);
        Color light = pixel(robot, canvas);
        robot.interact(() -> vm.themeProperty().set(Theme.DARK));
        Color dark = pixel(robot, canvas);
        assertThat(light).isEqualTo(Color.WHITE);
        assertThat(dark).isEqualTo(Color.web("#0d1117"));
    }

    private static Color pixel(FxRobot robot, Canvas canvas) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            WritableImage img = canvas.snapshot(null, null);
            c[0] = img.getPixelReader().getColor(3, 3);
        });
        return c[0];
    }

    @Test
    void anOpenWindowCountsAgainWhenACaptureIsAddedAndSaysWhenNoneIsOpen(FxRobot robot) {
        menu(robot, "endpointsMenuItem");
        TableView<Endpoint> t = endpoints(robot);
        assertThat(t.getItems()).hasSize(11);
        robot.interact(() -> vm.open(List.of(SAMPLES.resolve("esxi-team-vusb1.pcapng"))));
        robot.interact(() -> vm.add(List.of(SAMPLES.resolve("esxi-team-vusb2.pcapng"))));
        assertThat(t.getItems()).hasSize(19);
        Stage window = (Stage) t.getScene().getWindow();
        assertThat(window.getTitle()).isEqualTo("Endpoints — esxi-team-vusb1.pcapng, esxi-team-vusb2.pcapng — Cutover");
        robot.interact(() -> vm.capture().close());
        assertThat(t.getItems()).isEmpty();
        assertThat(robot.lookup("#endpointsState").queryAs(Label.class).getText()).isEqualTo("No capture is open.");
    }
}
