package dev.cutover.ui.main;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

import java.io.PrintStream;

/**
 * With {@code -Dcutover.stopwatch=true}: prints to stderr how long after the window appeared the first rows of the
 * capture opened were laid out, and when its load ended, so the time to first rows can be measured; and how long
 * after the process started the window appeared.
 */
final class Stopwatch {
    static final String PROPERTY = "cutover.stopwatch";

    private final long start = System.nanoTime();
    private final PrintStream out;
    private boolean rowsSeen;
    private boolean loadSeen;

    private Stopwatch(PrintStream out) {
        this.out = out;
    }

    static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Starts timing now, the window just shown. */
    static void follow(MainViewModel vm, Scene scene, PrintStream out) {
        Stopwatch w = new Stopwatch(out);
        // the time before the window, the JVM's and JavaFX's start included
        // the JVM's own clock: the process's start instant is only as fine as the system's clock ticks
        double s = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        out.printf("cutover.stopwatch: window shown %.3f s after the JVM started%n", s);
        ChangeListener<Number> rows = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.intValue() > 0 && !w.rowsSeen) {
                    w.rowsSeen = true;
                    vm.packets().shownProperty().removeListener(this);
                    int frames = now.intValue();
                    boolean loading = vm.capture().loadingProperty().get();
                    // laid out in this pulse, drawn at its end
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        w.print(String.format("first rows (%,d frames%s)", frames,
                                loading ? ", while loading" : ""));
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                }
            }
        };
        vm.packets().shownProperty().addListener(rows);
        vm.capture().loadingProperty().addListener((o, was, now) -> {
            if (was && !now && !w.loadSeen) {
                w.loadSeen = true;
                long end = System.nanoTime();
                // the status says how it ended once the handler that ended it has run
                javafx.application.Platform.runLater(() -> w.print(String.format("load ended (%s)",
                        vm.capture().stateProperty().get()), end));
            }
        });
    }

    private void print(String what) {
        print(what, System.nanoTime());
    }

    private void print(String what, long at) {
        out.printf("cutover.stopwatch: %s %.3f s after the window was shown%n", what, (at - start) / 1e9);
        out.flush();
    }
}
