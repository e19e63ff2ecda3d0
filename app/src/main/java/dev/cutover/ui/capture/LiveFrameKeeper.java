package dev.cutover.ui.capture;

import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LiveFiles;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveSession;
import dev.cutover.capture.live.LiveStore;
import dev.cutover.ui.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where a live capture's frames are kept: the store the window shows (all, or the last N frames), a ring of files
 * written as frames arrive on a writer thread of its own, and saving the store as pcapng or pcap with the frames'
 * annotations. Knows whether frames nobody saved would be lost. FX thread only, but for the writer and the save.
 */
final class LiveFrameKeeper {
    private final Tasks tasks;
    private final Consumer<String> error;
    /** Frames the ring had let go before the snapshot on show, to find an annotation's frame in the store. */
    private final LongSupplier shownOffset;
    final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper(this, "written", "");
    private IntFunction<List<String>> shownComments = i -> List.of();
    private LiveStore store;
    private LiveFiles files;
    private Executor writer;
    private LiveCaptureViewModel.RingFiles ringFiles;
    private volatile boolean writeFailed;

    LiveFrameKeeper(Tasks tasks, Consumer<String> error, LongSupplier shownOffset) {
        this.tasks = tasks;
        this.error = error;
        this.shownOffset = shownOffset;
    }

    /** A new capture: an empty store keeping ringFrames frames (0: all), and the ring of files when asked for. */
    void start(LiveSession session, int ringFrames, LiveCaptureViewModel.RingFiles ringFiles) {
        store = LiveStore.of(session, ringFrames);
        this.ringFiles = ringFiles;
        writeFailed = false;
        if (ringFiles != null) {
            files = LiveFiles.of(session, ringFiles.target(), null, ringFiles.fileBytes(), ringFiles.files());
            writer = tasks.serial("ring files");
        } else {
            files = null;
            writer = null;
        }
        written.set("");
        unsaved.set(false);
    }

    /** The store of the capture on show, or null. */
    LiveStore store() {
        return store;
    }

    /** Keeps a batch of frames just drained, and hands a copy to the ring of files. */
    void take(List<LiveFrame> batch) {
        store.addAll(batch);
        if (!batch.isEmpty()) {
            unsaved.set(true);
            if (files != null) {
                LiveFiles to = files;
                List<LiveFrame> copy = List.copyOf(batch);
                writer.execute(() -> write(to, copy));
            }
        }
    }

    /** Runs on the writer's thread, in order; after a failure it writes nothing more and says why once. */
    private void write(LiveFiles to, List<LiveFrame> frames) {
        if (writeFailed) {
            return;
        }
        try {
            to.writeAll(frames);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** The capture ended: the ring's last file is completed, then {@code onWritten} hears where the files went. */
    void finish(Consumer<String> onWritten) {
        if (files == null) {
            return;
        }
        LiveFiles to = files;
        files = null;
        writer.execute(() -> {
            try {
                to.close();
                if (!writeFailed) {
                    String where = to.describe();
                    tasks.ui(() -> {
                        written.set(where);
                        onWritten.accept(where);
                    });
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        });
    }

    private void fail(Exception e) {
        if (!writeFailed) {
            writeFailed = true;
            String text = "Writing the capture's files stopped: " + e.getMessage()
                    + "; the capture goes on in the window, save it before it is lost";
            tasks.ui(() -> error.accept(text));
        }
    }

    /** Writes pcapng (interface name, filter and comment kept) or, for a .pcap name, classic pcap. */
    void save(Path target, String comment) throws IOException {
        if (store == null) {
            throw new IllegalStateException("nothing captured");
        }
        writeFile(store, store.snapshot(), commentsNow(), target, comment);
        unsaved.set(false);
    }

    /**
     * Saves on a background thread: the frames kept now and their annotations are taken at once, the file is
     * written away from the FX thread, and a failure goes to the error. Frames that arrive meanwhile still count
     * as unsaved. {@code onSaved} runs on the FX thread once the file is written.
     *
     * @return how many annotated frames lose their comments because pcap has no place for them (0 for pcapng)
     */
    int saveInBackground(Path target, String comment, Runnable onSaved) {
        if (store == null) {
            throw new IllegalStateException("nothing captured");
        }
        LiveStore from = store;
        Capture frames = from.snapshot();
        List<List<String>> comments = commentsNow();
        long receivedAtCopy = from.received();
        tasks.background(() -> {
            try {
                writeFile(from, frames, comments, target, comment);
                tasks.ui(() -> {
                    if (store == from && store.received() == receivedAtCopy) {
                        unsaved.set(false);
                    }
                    onSaved.run();
                });
            } catch (IOException | RuntimeException e) {
                tasks.ui(() -> error.accept("Cannot write " + target + ": " + e.getMessage()));
            }
        });
        return isPcap(target) ? (int) comments.stream().filter(c -> !c.isEmpty()).count() : 0;
    }

    private static boolean isPcap(Path target) {
        return String.valueOf(target.getFileName()).toLowerCase(Locale.ROOT).endsWith(".pcap");
    }

    private static void writeFile(LiveStore from, Capture frames, List<List<String>> comments, Path target,
                                  String comment) throws IOException {
        if (isPcap(target)) {
            from.writePcap(target, frames);
        } else {
            from.writePcapng(target, comment, frames, i -> i < comments.size() ? comments.get(i) : List.of());
        }
    }

    /**
     * The annotations of the frames kept now, by their position in the store: the window numbers its frames from
     * the snapshot on show, which may be older than the store when a ring has let frames go since.
     */
    private List<List<String>> commentsNow() {
        List<List<String>> out = new ArrayList<>(store.size());
        long firstKept = store.evicted();
        long offset = shownOffset.getAsLong();
        for (int j = 0; j < store.size(); j++) {
            long shownIndex = firstKept + j - offset;
            out.add(shownIndex < 0 || shownIndex > Integer.MAX_VALUE ? List.of()
                    : List.copyOf(shownComments.apply((int) shownIndex)));
        }
        return out;
    }

    /** Where the comments of the frames on show come from, by 0-based frame of the snapshot shown. */
    void setShownComments(IntFunction<List<String>> comments) {
        this.shownComments = Objects.requireNonNull(comments, "comments");
    }

    /** Whether dropping the capture now loses frames nobody saved: frames in a ring of files are saved there. */
    boolean needsConfirmationToDiscard() {
        return unsaved.get() && (ringFiles == null || writeFailed);
    }

    /** The capture was dropped: nothing is left to save. */
    void drop() {
        unsaved.set(false);
        store = null;
    }
}
