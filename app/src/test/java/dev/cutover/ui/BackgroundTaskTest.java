package dev.cutover.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The task API: latest wins by key, cancel through the handle, failures and results on the UI side, DIRECT at once. */
class BackgroundTaskTest {
    /** Background and UI work both wait in queues until run: the interleavings a real pool and FX thread allow. */
    static final class Queued implements Tasks {
        final Deque<Runnable> background = new ArrayDeque<>();
        final Deque<Runnable> ui = new ArrayDeque<>();

        @Override
        public void background(Runnable work) {
            background.add(work);
        }

        @Override
        public void ui(Runnable work) {
            ui.add(work);
        }

        @Override
        public Executor serial(String name) {
            return this::background;
        }

        void runBackground() {
            while (!background.isEmpty()) {
                background.poll().run();
            }
        }

        void runUi() {
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }

        void runAll() {
            runBackground();
            runUi();
        }
    }

    private final Logger log = Logger.getLogger(BackgroundTask.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parent;

    @BeforeEach
    void listen() {
        parent = log.getUseParentHandlers();
        log.setUseParentHandlers(false); // the failures below are meant; keep them out of the build's output
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
        log.setUseParentHandlers(parent);
    }

    @Test
    void directRunsTheWorkAndDeliversTheResultBeforeRunReturns() {
        List<String> got = new ArrayList<>();
        TaskHandle h = BackgroundTask.of(m -> "42 frames").onSuccess(got::add).runWith(Tasks.DIRECT);
        assertThat(got).containsExactly("42 frames");
        assertThat(h.isDone()).isTrue();
        assertThat(h.isCancelled()).isFalse();
    }

    @Test
    void theResultArrivesOnlyThroughTheUiSide() {
        Queued tasks = new Queued();
        List<String> got = new ArrayList<>();
        BackgroundTask.of(m -> "sorted").onSuccess(got::add).runWith(tasks);
        tasks.runBackground();
        assertThat(got).isEmpty();
        tasks.runUi();
        assertThat(got).containsExactly("sorted");
    }

    @Test
    void onSuccessRunsOnTheUiThreadNotTheWorker() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fx"));
        try {
            Tasks tasks = new Tasks() {
                @Override
                public void background(Runnable work) {
                    pool.execute(work);
                }

                @Override
                public void ui(Runnable work) {
                    fx.execute(work);
                }

                @Override
                public Executor serial(String name) {
                    return pool;
                }
            };
            AtomicReference<String> workOn = new AtomicReference<>();
            AtomicReference<String> deliveredOn = new AtomicReference<>();
            CountDownLatch delivered = new CountDownLatch(1);
            BackgroundTask.of(m -> {
                workOn.set(Thread.currentThread().getName());
                return 1;
            }).onSuccess(v -> {
                deliveredOn.set(Thread.currentThread().getName());
                delivered.countDown();
            }).runWith(tasks);
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(workOn.get()).isEqualTo("worker");
            assertThat(deliveredOn.get()).isEqualTo("fx");
        } finally {
            pool.shutdownNow();
            fx.shutdownNow();
        }
    }

    @Test
    void aNewerTaskUnderTheSameKeyCancelsTheOlderWhoseResultIsNeverDelivered() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("packet-filter");
        List<String> got = new ArrayList<>();
        boolean[] olderSawCancel = {false, false};
        TaskHandle[] newer = new TaskHandle[1];
        TaskHandle older = BackgroundTask.of(m -> {
            olderSawCancel[0] = m.cancelled();
            // the user types another filter while this pass runs
            newer[0] = BackgroundTask.of(n -> "rarp").key(key).onSuccess(got::add).runWith(tasks);
            olderSawCancel[1] = m.cancelled();
            return "arp";
        }).key(key).onSuccess(got::add).runWith(tasks);
        tasks.runAll();
        assertThat(olderSawCancel).containsExactly(false, true);
        assertThat(older.isCancelled()).isTrue();
        assertThat(got).containsExactly("rarp");
        assertThat(newer[0].isDone()).isTrue();
        assertThat(key.busy()).isFalse();
    }

    @Test
    void aTaskSupersededBeforeItStartsNeverRuns() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("extents");
        boolean[] olderRan = {false};
        List<String> got = new ArrayList<>();
        BackgroundTask.of(m -> {
            olderRan[0] = true;
            return "old";
        }).key(key).onSuccess(got::add).runWith(tasks);
        BackgroundTask.of(m -> "new").key(key).onSuccess(got::add).runWith(tasks);
        assertThat(key.busy()).isTrue();
        tasks.runAll();
        assertThat(olderRan[0]).isFalse();
        assertThat(got).containsExactly("new");
    }

    @Test
    void aResultAlreadyOnItsWayToTheUiIsDroppedWhenSuperseded() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("sort");
        List<String> got = new ArrayList<>();
        BackgroundTask.of(m -> "by time").key(key).onSuccess(got::add).runWith(tasks);
        tasks.runBackground(); // done, its result waits for the FX thread
        BackgroundTask.of(m -> "by source").key(key).onSuccess(got::add).runWith(tasks);
        tasks.runAll();
        assertThat(got).containsExactly("by source");
    }

    @Test
    void aResultMadeButSupersededIsHandedBackToBeClosed() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("open");
        List<String> shown = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        BackgroundTask.of(m -> "vmnic0.pcap").key(key).onSuccess(shown::add).onDiscarded(closed::add).runWith(tasks);
        tasks.runBackground();
        BackgroundTask.of(m -> "vmnic1.pcap").key(key).onSuccess(shown::add).onDiscarded(closed::add).runWith(tasks);
        tasks.runAll();
        assertThat(shown).containsExactly("vmnic1.pcap");
        assertThat(closed).containsExactly("vmnic0.pcap");
    }

    @Test
    void tasksUnderOtherKeysDoNotDisturbEachOther() {
        Queued tasks = new Queued();
        List<String> got = new ArrayList<>();
        BackgroundTask.of(m -> "filter").key(TaskKey.named("packet-filter")).onSuccess(got::add).runWith(tasks);
        BackgroundTask.of(m -> "extents").key(TaskKey.named("extents")).onSuccess(got::add).runWith(tasks);
        BackgroundTask.of(m -> "sort").key(TaskKey.named("sort")).onSuccess(got::add).runWith(tasks);
        tasks.runAll();
        assertThat(got).containsExactly("filter", "extents", "sort");
    }

    @Test
    void cancelThroughTheHandleStopsTheWorkAtItsNextPollAndSaysSoOnTheUiSide() {
        Queued tasks = new Queued();
        List<String> events = new ArrayList<>();
        int[] polled = {0};
        TaskHandle[] h = new TaskHandle[1];
        h[0] = BackgroundTask.of(m -> {
            for (int i = 0; i < 1000; i++) {
                polled[0]++;
                if (i == 10) {
                    h[0].cancel(); // the user presses Cancel during the pass
                }
                m.checkCancelled();
            }
            return "all frames";
        }).onSuccess(events::add).onFailure(e -> events.add("failed")).onCancelled(() -> events.add("cancelled"))
                .runWith(tasks);
        tasks.runBackground();
        assertThat(polled[0]).isEqualTo(11);
        assertThat(events).isEmpty();
        tasks.runUi();
        assertThat(events).containsExactly("cancelled");
        assertThat(h[0].isDone()).isTrue();
    }

    @Test
    void workThatEndsBeforeSeeingTheCancelStillDeliversWhatItDid() {
        Queued tasks = new Queued();
        List<String> events = new ArrayList<>();
        TaskHandle h = BackgroundTask.of(m -> "written").onSuccess(events::add)
                .onCancelled(() -> events.add("cancelled")).runWith(tasks);
        tasks.runBackground();
        h.cancel(); // the user pressed Stop while the result was on its way: the file is written all the same
        tasks.runUi();
        assertThat(events).containsExactly("written");
    }

    @Test
    void aTaskCancelledBeforeItBeganNeverRunsAndSaysCancelled() {
        Queued tasks = new Queued();
        List<String> events = new ArrayList<>();
        boolean[] ran = {false};
        TaskHandle h = BackgroundTask.of(m -> {
            ran[0] = true;
            return "x";
        }).onSuccess(events::add).onCancelled(() -> events.add("cancelled")).runWith(tasks);
        h.cancel();
        tasks.runAll();
        assertThat(ran[0]).isFalse();
        assertThat(events).containsExactly("cancelled");
    }

    @Test
    void cancellingThroughTheKeyDropsEvenAResultOnItsWay() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("find");
        List<String> events = new ArrayList<>();
        BackgroundTask.of(m -> "frame 12").key(key).onSuccess(events::add)
                .onCancelled(() -> events.add("cancelled")).runWith(tasks);
        tasks.runBackground();
        key.cancel();
        tasks.runUi();
        assertThat(events).isEmpty();
    }

    @Test
    void aSupersededTaskSaysNothingAtAllNotEvenCancelled() {
        Queued tasks = new Queued();
        TaskKey key = TaskKey.named("io-graph");
        List<String> events = new ArrayList<>();
        BackgroundTask.of(m -> {
            throw new IOException("the file was closed");
        }).key(key).onFailure(e -> events.add("failed")).onCancelled(() -> events.add("cancelled")).runWith(tasks);
        key.cancel();
        tasks.runAll();
        assertThat(events).isEmpty();
        assertThat(logged).isEmpty();
    }

    @Test
    void anIoFailureIsDeliveredWithItsMessageAndNotLogged() {
        List<Throwable> failures = new ArrayList<>();
        List<String> got = new ArrayList<>();
        BackgroundTask.<String>of(m -> {
            throw new IOException("frame 7 ends past the end of the file; was the file changed?");
        }).onSuccess(got::add).onFailure(failures::add).runWith(Tasks.DIRECT);
        assertThat(got).isEmpty();
        assertThat(failures).hasSize(1);
        assertThat(BackgroundTask.reason(failures.get(0)))
                .isEqualTo("frame 7 ends past the end of the file; was the file changed?");
        assertThat(logged).isEmpty();
    }

    @Test
    void anUncheckedIoExceptionArrivesAsTheIoExceptionItWraps() {
        List<Throwable> failures = new ArrayList<>();
        IOException cause = new IOException("no such file");
        BackgroundTask.of(m -> {
            throw new UncheckedIOException(cause);
        }).onFailure(failures::add).runWith(Tasks.DIRECT);
        assertThat(failures).containsExactly(cause);
    }

    @Test
    void anUnexpectedFailureIsDeliveredWithItsMessageAndLoggedOnce() {
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask.of(m -> {
            throw new IllegalStateException("no frame 12");
        }).key(TaskKey.named("extents")).onFailure(failures::add).runWith(Tasks.DIRECT);
        assertThat(failures).hasSize(1);
        assertThat(BackgroundTask.reason(failures.get(0))).isEqualTo("IllegalStateException: no frame 12");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMessage()).contains("extents");
        assertThat(logged.get(0).getThrown()).isSameAs(failures.get(0));
    }

    @Test
    void aFailureWithoutAHandlerIsLoggedRatherThanLost() {
        BackgroundTask.of(m -> {
            throw new IOException("disk gone");
        }).runWith(Tasks.DIRECT);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getThrown()).hasMessage("disk gone");
    }

    @Test
    void progressReachesTheUiSideAsAFractionAndOnlyTheLatestWaits() {
        Queued tasks = new Queued();
        List<Double> seen = new ArrayList<>();
        BackgroundTask.of(m -> {
            m.progress(10, 100);
            m.progress(20, 100);
            m.progress(50, 100);
            return "x";
        }).onProgress(seen::add).runWith(tasks);
        tasks.runBackground();
        assertThat(tasks.ui).hasSize(2); // one progress update, then the result
        tasks.runUi();
        assertThat(seen).containsExactly(0.5);
    }

    @Test
    void aTaskCanNameItsOwnExecutor() {
        Queued tasks = new Queued();
        List<Runnable> own = new ArrayList<>();
        List<String> got = new ArrayList<>();
        BackgroundTask.of(m -> "expert infos").runOn(own::add).onSuccess(got::add).runWith(tasks);
        assertThat(tasks.background).isEmpty();
        assertThat(own).hasSize(1);
        own.get(0).run();
        tasks.runUi();
        assertThat(got).containsExactly("expert infos");
    }
}
