package dev.cutover.ui.main;

import dev.cutover.testsupport.ManyMigrations;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationRow;
import dev.cutover.ui.migrations.MigrationSource;
import dev.cutover.ui.timeline.TimelineState;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline pane with many lanes, in the main window: 25,000 VMs that moved scroll to the last lane, by the scroll
 * bar and by selecting the last migration, with no exception anywhere and a canvas never bigger than the pane; the
 * search box; what the pane says when there is no lane; the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineLanesWindowTest {
    private static final int VMS = 25_000;
    @TempDir
    static Path dir;
    private static Path many;
    private static Path few;
    private static Path plainArp;

    private MainViewModel vm;
    private MainView view;
    private final HeldTasks tasks = new HeldTasks();
    private volatile String failAnalysis;
    /** Exceptions, JavaFX warnings and stack traces seen while the window runs; any fails the test. */
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Handler logWatch = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            String text = String.valueOf(r.getMessage());
            // ControlsFX's own stylesheets name colours AtlantaFX does not define: cosmetic, and not the timeline's
            boolean controlsFxCss = name.equals("javafx.css") && text.contains("org/controlsfx/");
            if (r.getLevel().intValue() >= Level.WARNING.intValue()
                    && (name.startsWith("javafx") || name.startsWith("com.sun")) && !controlsFxCss) {
                problems.add(r.getLevel() + " " + name + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Thread.UncaughtExceptionHandler savedDefault;
    private PrintStream savedErr;

    /** Runs background work at once, or holds it until the test lets it run. */
    private static final class HeldTasks implements Tasks {
        boolean hold;
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public void background(Runnable work) {
            if (hold) {
                held.add(work);
            } else {
                work.run();
            }
        }

        @Override
        public void ui(Runnable work) {
            work.run();
        }

        @Override
        public Executor serial(String name) {
            return Runnable::run;
        }
    }

    @BeforeAll
    static void captures() throws IOException {
        many = ManyMigrations.write(dir.resolve("many.pcap"), VMS);
        few = ManyMigrations.write(dir.resolve("few.pcap"), 300);
        plainArp = ManyMigrations.writeWithoutMigration(dir.resolve("plain-arp.pcap"), 12);
    }

    @Start
    void start(Stage stage) throws Exception {
        watch();
        MigrationSource analysis = new AnalysisMigrations();
        MigrationSource source = (capture, monitor) -> {
            if (failAnalysis != null) {
                throw new java.io.IOException(failAnalysis);
            }
            return analysis.analyse(capture, monitor);
        };
        vm = new MainViewModel(tasks, source, new PreferencesStore(Files.createTempDirectory("cutover-lanes-test")));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        Canvas canvas = view.timeline().canvas();
        Pane viewport = (Pane) canvas.getParent();
        // the canvas must never be bigger than the part of the pane that shows it
        canvas.heightProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > viewport.getHeight() + 0.5 || now.doubleValue() > stage.getHeight()) {
                problems.add("canvas " + now + " px tall in a viewport of " + viewport.getHeight());
            }
        });
        canvas.widthProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > viewport.getWidth() + 0.5) {
                problems.add("canvas " + now + " px wide in a viewport of " + viewport.getWidth());
            }
        });
    }

    /** Records uncaught exceptions (the FX thread's and the others'), JavaFX warnings, and stack traces on stderr. */
    private void watch() {
        Thread.UncaughtExceptionHandler record = (t, e) -> problems.add("uncaught on " + t.getName() + ": " + e);
        savedDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(record);
        Thread.currentThread().setUncaughtExceptionHandler(record); // @Start runs on the FX thread
        Logger.getLogger("").addHandler(logWatch);
        savedErr = System.err;
        PrintStream original = savedErr;
        System.setErr(new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    if (s.contains("Exception") || s.startsWith("\tat ")) {
                        problems.add("stderr: " + s);
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            vm.themeProperty().set(Theme.LIGHT);
            vm.close();
        });
        Logger.getLogger("").removeHandler(logWatch);
        Thread.setDefaultUncaughtExceptionHandler(savedDefault);
        System.setErr(savedErr);
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> vm.open(List.of(file)));
    }

    private String message(FxRobot robot) {
        Label m = robot.lookup("#timelineMessage").queryAs(Label.class);
        return m.isVisible() ? m.getText() : "";
    }

    private String laneCount(FxRobot robot) {
        return robot.lookup("#timelineLaneCount").queryAs(Label.class).getText();
    }

    private Canvas canvas() {
        return view.timeline().canvas();
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = canvas().snapshot(null, null));
        return img[0];
    }

    /** Pixels in a box that differ from the box's first pixel: text or marks drawn there. */
    private static int inked(WritableImage img, int x0, int y0, int x1, int y1) {
        PixelReader p = img.getPixelReader();
        int background = p.getArgb(x0, y0);
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (p.getArgb(x, y) != background) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The row's whole height lies inside the part of the pane that shows rows. */
    private void assertRowInView(int row) {
        TimelineLayout l = view.timeline().chartLayout();
        assertThat(l.laneTop(row)).isGreaterThanOrEqualTo(TimelineLayout.lanesTop() - 0.001);
        assertThat(l.laneTop(row) + l.laneHeight(row)).isLessThanOrEqualTo(l.lanesBottom() + 0.001);
        int[] drawn = view.timeline().drawnRows();
        assertThat(row).isBetween(drawn[0], drawn[1]);
    }

    /** Drags the dividers as a user would to give the timeline half the window, so its rate chart stays pinned. */
    /** Drags the dividers as a user would: the packet list small, the timeline unfolded and tall. */
    private void giveTheTimelineRoom(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.Node n = view.timeline();
            javafx.scene.control.SplitPane main = null;
            for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.SplitPane) {
                    main = (javafx.scene.control.SplitPane) p;
                    break;
                }
            }
            main.setDividerPositions(0.2, 0.9); // packets over the timeline over details and bytes
        });
        robot.interact(() -> { }); // one more pulse: the pane takes its new height
    }

    @Test
    void twentyFiveThousandLanesScrollToTheLastWithNoException(FxRobot robot) {
        open(robot, many);
        giveTheTimelineRoom(robot);
        assertThat(view.timeline().chartLayout().ratePinned()).isTrue();
        assertThat(vm.timeline().stateProperty().get()).isEqualTo(TimelineState.LANES);
        assertThat(laneCount(robot)).isEqualTo("25,000 lanes");
        Pane viewport = robot.lookup("#timelineViewport").queryAs(Pane.class);
        assertThat(canvas().getHeight()).isPositive().isLessThanOrEqualTo(viewport.getHeight());
        assertThat(canvas().getWidth()).isPositive().isLessThanOrEqualTo(viewport.getWidth());
        int[] drawn = view.timeline().drawnRows();
        assertThat(drawn[0]).isZero();
        assertThat(drawn[1] - drawn[0]).isLessThan(30); // only what is in view is drawn

        // the scroll bar, dragged to its end, shows the last lane
        ScrollBar bar = robot.lookup("#timelineScrollBar").queryAs(ScrollBar.class);
        assertThat(bar.isVisible()).isTrue();
        robot.interact(() -> bar.setValue(bar.getMax()));
        int last = VMS - 1;
        assertRowInView(last);
        TimelineLayout l = view.timeline().chartLayout();
        Lane lane = l.lane(last);
        assertThat(lane.mac()).isEqualTo(ManyMigrations.mac(last));
        double labelY = l.laneTop(last) + 14;
        assertThat(l.laneAt(labelY)).isEqualTo(last);
        // its name is drawn where the layout put it
        WritableImage img = snapshot(robot);
        int top = (int) Math.ceil(l.laneTop(last));
        assertThat(inked(img, 8, top + 3, 150, top + 16)).isGreaterThan(30);
        assertThat(canvas().getHeight()).isLessThanOrEqualTo(viewport.getHeight());

        // a click on its mark selects the frame in the packet list
        Mark garp = lane.marks().get(lane.marks().size() - 1);
        Point2D at = canvas().localToScreen(l.x(garp.timeNanos()), l.markY(last, garp));
        robot.clickOn(at);
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        assertThat(packets.getSelectionModel().getSelectedItems()).containsExactly(garp.frame());

        // the wheel over the names scrolls the lanes and leaves the time axis alone; so does Shift+wheel over the plot
        var scale = vm.timeline().scale();
        double before = vm.timeline().scrollYProperty().get();
        robot.moveTo(canvas().localToScreen(40, TimelineLayout.lanesTop() + 30)).scroll(3, VerticalDirection.DOWN);
        assertThat(vm.timeline().scrollYProperty().get()).isNotEqualTo(before);
        assertThat(vm.timeline().scale()).isEqualTo(scale);
        // a notch away from the user (positive deltaY, as GTK, Windows and macOS send it) goes towards the first lane
        robot.interact(() -> vm.timeline().scrollTo(240));
        wheel(robot, 400, 2, true);
        assertThat(vm.timeline().scrollYProperty().get()).isEqualTo(240 - 2 * 60);
        assertThat(vm.timeline().scale()).isEqualTo(scale);
        wheel(robot, 40, 2, false);
        assertThat(vm.timeline().scrollYProperty().get()).isZero();
        assertThat(view.timeline().drawnRows()[0]).isZero();
        wheel(robot, 400, 1, false); // over the plot without Shift: the wheel zooms time
        assertThat(vm.timeline().scale().spanNanos()).isLessThan(scale.spanNanos());
        assertThat(vm.timeline().scrollYProperty().get()).isZero();

        // selecting the last migration brings its lane into view
        TableView<MigrationRow> migrations = robot.lookup("#migrationTable").queryAs(TableView.class);
        MigrationRow lastVm = migrations.getItems().stream()
                .filter(r -> r.mac().equals(ManyMigrations.mac(last))).findFirst().orElseThrow();
        robot.interact(() -> migrations.getSelectionModel().select(lastVm));
        assertRowInView(last);
        assertThat(vm.timeline().highlightedFrames()).contains(garp.frame());

        // and the keys: Home goes back to the first lane, End to the last
        robot.clickOn(canvas().localToScreen(canvas().getWidth() - 30, TimelineLayout.lanesTop() + 4));
        robot.type(KeyCode.HOME);
        assertRowInView(0);
        robot.type(KeyCode.END);
        assertRowInView(last);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSearchBoxNarrowsLanesByMacIpAndVlan(FxRobot robot) {
        open(robot, few);
        assertThat(laneCount(robot)).isEqualTo("300 lanes");
        TextField search = robot.lookup("#timelineSearch").queryAs(TextField.class);

        robot.clickOn(search).write("00-50-56-00-00-7B");
        assertThat(laneCount(robot)).isEqualTo("1 of 300 lanes");
        assertThat(view.timeline().chartLayout().lane(0).mac()).isEqualTo(ManyMigrations.mac(123));
        assertThat(message(robot)).isEmpty();

        robot.interact(search::clear);
        robot.clickOn(search).write(ManyMigrations.ip(42));
        assertThat(laneCount(robot)).isEqualTo("1 of 300 lanes");
        assertThat(view.timeline().chartLayout().lane(0).ips()).containsExactly(ManyMigrations.ip(42));

        robot.interact(search::clear);
        robot.clickOn(search).write("vlan 20");
        assertThat(laneCount(robot)).isEqualTo("100 of 300 lanes");
        assertThat(view.timeline().chartLayout().lane(0).vlans()).containsExactly(20);
        robot.interact(search::clear);
        robot.clickOn(search).write("30");
        assertThat(laneCount(robot)).isEqualTo("100 of 300 lanes");

        robot.interact(search::clear);
        robot.clickOn(search).write("de:ad:be:ef");
        assertThat(laneCount(robot)).isEqualTo("0 of 300 lanes");
        assertThat(vm.timeline().stateProperty().get()).isEqualTo(TimelineState.NO_MATCH);
        assertThat(message(robot)).startsWith("No lane matches “de:ad:be:ef” among the 300 lanes")
                .endsWith("Esc clears the search.");
        assertThat(view.timeline().drawnRows()).containsExactly(-1, -1);

        robot.type(KeyCode.ESCAPE);
        assertThat(search.getText()).isEmpty();
        assertThat(laneCount(robot)).isEqualTo("300 lanes");
        assertThat(message(robot)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutLanesThePaneSaysWhy(FxRobot robot) {
        assertThat(message(robot)).startsWith("No capture open.");
        assertThat(vm.timeline().hasLanesProperty().get()).isFalse();

        // analysing, then laying out, then lanes
        tasks.hold = true;
        open(robot, few);
        List<String> seen = new ArrayList<>();
        while (!tasks.held.isEmpty()) {
            robot.interact(() -> tasks.held.poll().run());
            String m = message(robot);
            if (!m.isEmpty() && !seen.contains(m)) {
                seen.add(m);
            }
        }
        tasks.hold = false;
        assertThat(seen).containsSubsequence("Analysing the capture for migrations…",
                "Laying out the lanes of 300 migrations…");
        assertThat(message(robot)).isEmpty();
        assertThat(vm.timeline().hasLanesProperty().get()).isTrue();

        open(robot, plainArp);
        assertThat(message(robot)).isEqualTo(
                "No migration in this capture: none of its 12 frames is a RARP notification or a gratuitous ARP.");
        assertThat(vm.timeline().stateProperty().get()).isEqualTo(TimelineState.NO_MIGRATIONS);
        assertThat(vm.timeline().hasLanesProperty().get()).isFalse();

        failAnalysis = "the index ends at frame 7";
        open(robot, few);
        assertThat(message(robot)).isEqualTo("The migration analysis of few.pcap failed: the index ends at frame 7");
        assertThat(vm.timeline().stateProperty().get()).isEqualTo(TimelineState.FAILED);
        failAnalysis = null;

        robot.interact(() -> vm.close());
        assertThat(message(robot)).startsWith("No capture open.");
        assertThat(problems).isEmpty();
    }

    @Test
    void theDarkThemeDarkensTheCanvasAndTheChartButNotTheExport(FxRobot robot) throws Exception {
        open(robot, few);
        giveTheTimelineRoom(robot);
        int light = snapshot(robot).getPixelReader().getArgb(2, 2);
        assertThat(brightness(light)).isGreaterThan(0.9);

        robot.interact(() -> vm.themeProperty().set(Theme.DARK));
        assertThat(vm.timeline().darkProperty().get()).isTrue();
        WritableImage dark = snapshot(robot);
        assertThat(brightness(dark.getPixelReader().getArgb(2, 2))).isLessThan(0.15);
        // the lanes alternate, and the marks stay visible on them
        TimelineLayout l = view.timeline().chartLayout();
        int even = dark.getPixelReader().getArgb(4, (int) l.laneTop(0) + 4);
        int odd = dark.getPixelReader().getArgb(4, (int) l.laneTop(1) + 4);
        assertThat(even).isNotEqualTo(odd);
        assertThat(brightness(even)).isLessThan(0.2);
        Mark rarp = l.lane(0).marks().get(0);
        int mark = dark.getPixelReader().getArgb((int) Math.round(l.x(rarp.timeNanos())),
                (int) Math.round(l.markY(0, rarp)));
        assertThat(brightness(mark)).isGreaterThan(brightness(even) + 0.3);

        Canvas chart = (Canvas) robot.lookup("#interArrivalChart").queryAs(Pane.class).getChildren().get(0);
        WritableImage[] chartImg = new WritableImage[1];
        robot.interact(() -> chartImg[0] = chart.snapshot(null, null));
        assertThat(brightness(chartImg[0].getPixelReader().getArgb(2, 2))).isLessThan(0.15);

        // the PNG export goes into reports: light whatever the theme
        Path png = dir.resolve("dark-theme.png");
        robot.interact(() -> {
            try {
                view.timeline().exportPng(png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        javax.imageio.ImageIO.setUseCache(false);
        java.awt.image.BufferedImage exported = javax.imageio.ImageIO.read(png.toFile());
        assertThat(exported.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // and the window is dark again after the export
        assertThat(brightness(snapshot(robot).getPixelReader().getArgb(2, 2))).isLessThan(0.15);
        assertThat(problems).isEmpty();
    }

    /** One wheel event of {@code notches} away from the user, at x on the first lane, as a mouse wheel sends it. */
    private void wheel(FxRobot robot, double x, int notches, boolean shift) {
        double y = TimelineLayout.lanesTop() + 10;
        Point2D screen = canvas().localToScreen(x, y);
        robot.interact(() -> javafx.event.Event.fireEvent(canvas(), new ScrollEvent(ScrollEvent.SCROLL,
                x, y, screen.getX(), screen.getY(), shift, false, false, false, false, false,
                0, 40.0 * notches, 0, 40.0 * notches, 40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }

    private static double brightness(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }
}
