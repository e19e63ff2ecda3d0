package dev.cutover.ui.statistics;

import dev.cutover.ui.Tasks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** A statistics pass: superseded passes are dropped, Cancel says so, a failure is a sentence. */
class StatisticsJobTest {
    /** Runs background work only when told, UI work at once: the order a real pool may take. */
    static final class Queued implements Tasks {
        final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public void background(Runnable work) {
            pending.add(work);
        }

        @Override
        public void ui(Runnable work) {
            work.run();
        }

        @Override
        public Executor serial(String name) {
            return Runnable::run;
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.poll().run();
            }
        }
    }

    @Test
    void aNewerPassSupersedesAnOlderOneWhoseResultIsDropped() {
        Queued tasks = new Queued();
        StatisticsJob<String> job = new StatisticsJob<>(tasks);
        List<String> got = new ArrayList<>();
        boolean[] firstRan = {false};
        job.start("first", m -> {
            firstRan[0] = true;
            return "old";
        }, got::add);
        job.start("second", m -> "new", got::add);
        assertThat(job.runningProperty().get()).isTrue();
        assertThat(job.stateProperty().get()).isEqualTo("second");
        tasks.runAll();
        assertThat(firstRan[0]).as("a pass superseded before it began never runs").isFalse();
        assertThat(got).containsExactly("new");
        assertThat(job.runningProperty().get()).isFalse();
        assertThat(job.stateProperty().get()).isEmpty();
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void cancelStopsThePassAndSaysSo() {
        Queued tasks = new Queued();
        StatisticsJob<String> job = new StatisticsJob<>(tasks);
        List<String> got = new ArrayList<>();
        job.start("counting", m -> {
            m.progress(50, 100);
            if (m.cancelled()) {
                throw new CancellationException();
            }
            return "done";
        }, got::add);
        job.cancel();
        tasks.runAll();
        assertThat(got).isEmpty();
        assertThat(job.runningProperty().get()).isFalse();
        assertThat(job.stateProperty().get()).isEqualTo("Cancelled");
    }

    @Test
    void aFailureIsASentenceAndAFailureOfASupersededPassIsSilent() {
        Queued tasks = new Queued();
        StatisticsJob<String> job = new StatisticsJob<>(tasks);
        job.start("one", m -> {
            throw new IOException("the file was closed");
        }, r -> { });
        job.start("two", m -> {
            throw new IOException("frame 7 ends past the end of the file; was the file changed?");
        }, r -> { });
        tasks.runAll();
        assertThat(job.stateProperty().get())
                .isEqualTo("Could not compute: frame 7 ends past the end of the file; was the file changed?");
        assertThat(job.runningProperty().get()).isFalse();
    }

    @Test
    void progressReachesTheWindow() {
        Queued tasks = new Queued();
        StatisticsJob<String> job = new StatisticsJob<>(tasks);
        double[] seen = {-1};
        job.start("counting", m -> {
            m.progress(25, 100);
            seen[0] = job.progressProperty().get();
            return "x";
        }, r -> { });
        tasks.runAll();
        assertThat(seen[0]).isEqualTo(0.25);
    }
}
