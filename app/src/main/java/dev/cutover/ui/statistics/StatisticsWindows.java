package dev.cutover.ui.statistics;

import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Statistics menu's windows: each a non-modal window owned by the main window, made when first asked for
 * and kept; it counts while it is shown, with the main window's stylesheet and theme.
 */
public final class StatisticsWindows {
    private final StatisticsViewModel vm;
    private final Window owner;
    private final ObservableValue<Boolean> dark;
    private final String stylesheet;
    private Stage endpoints;
    private Stage bindings;
    private Stage hierarchy;
    private Stage ioGraph;

    /**
     * @param owner      the main window (null in tests that show no main window)
     * @param dark       true while the dark theme is on, for what a stylesheet does not paint (the graph)
     * @param stylesheet the application's stylesheet, as the main scene uses it
     */
    public StatisticsWindows(StatisticsViewModel vm, Window owner, ObservableValue<Boolean> dark, String stylesheet) {
        this.vm = vm;
        this.owner = owner;
        this.dark = dark;
        this.stylesheet = stylesheet;
    }

    /** Statistics &gt; Endpoints. */
    public Stage showEndpoints() {
        if (endpoints == null) {
            EndpointsViewModel m = vm.endpoints();
            endpoints = stage("Endpoints", new EndpointsView(m), 1360, 600, m::activate, m::deactivate);
        }
        return show(endpoints);
    }

    /** Statistics &gt; MAC-IP Bindings. */
    public Stage showBindings() {
        if (bindings == null) {
            BindingsViewModel m = vm.bindings();
            bindings = stage("MAC-IP Bindings", new BindingsView(m), 1160, 600, m::activate, m::deactivate);
        }
        return show(bindings);
    }

    /** Statistics &gt; Protocol Hierarchy. */
    public Stage showProtocolHierarchy() {
        if (hierarchy == null) {
            ProtocolHierarchyViewModel m = vm.hierarchy();
            hierarchy = stage("Protocol Hierarchy", new ProtocolHierarchyView(m), 1220, 480, m::activate,
                    m::deactivate);
        }
        return show(hierarchy);
    }

    /** Statistics &gt; I/O Graph. */
    public Stage showIoGraph() {
        if (ioGraph == null) {
            IoGraphViewModel m = vm.ioGraph();
            ioGraph = stage("I/O Graph", new IoGraphView(m, dark), 1000, 520, m::activate, m::deactivate);
        }
        return show(ioGraph);
    }

    private Stage stage(String title, Parent root, double width, double height, Runnable shown, Runnable hidden) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
        }
        // as wide as the columns want, within the screen the main window is on
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(width, screen.getWidth() * 0.95),
                Math.min(height, screen.getHeight() * 0.9));
        scene.getStylesheets().add(stylesheet);
        s.setScene(scene);
        // Esc closes a statistics window, as it closes Wireshark's dialogs
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !e.isConsumed()) {
                s.hide();
            }
        });
        s.setOnShown(e -> shown.run());
        s.setOnHidden(e -> hidden.run());
        s.setTitle(title(title));
        vm.captureProperty().addListener((o, was, now) -> s.setTitle(title(title)));
        return s;
    }

    /** "Endpoints — esxi-team-vusb1.pcapng, esxi-team-vusb2.pcapng — Cutover". */
    private String title(String what) {
        if (vm.capture() == null) {
            return what + " — Cutover";
        }
        return what + " — " + vm.capture().sources().stream().map(src -> String.valueOf(src.file().getFileName()))
                .collect(java.util.stream.Collectors.joining(", ")) + " — Cutover";
    }

    private static Stage show(Stage s) {
        if (s.isShowing()) {
            s.toFront();
        } else {
            s.show();
        }
        return s;
    }
}
