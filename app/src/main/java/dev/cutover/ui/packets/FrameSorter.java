package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameIndex;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Needs;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.Layer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Orders the shown frames by a column, away from the FX thread, on primitive keys: each frame gets an int rank
 * (its value's place among the values), packed with its number into a long and sorted, so ties keep frame order
 * and millions of frames sort without an object each. Time, length and interface come from the frame index;
 * the decoded columns are decoded once per frame and capture, then kept as an id per frame.
 */
final class FrameSorter {
    /** What the packet list is sorted by; null for frame order. */
    record Spec(PacketColumn column, boolean ascending) {
    }

    /** Frames in row order and the inverse (frame to row, -1 when not shown) over the whole capture. */
    record Result(int[] frames, int count, int[] rowOfFrame) {
    }

    /** Where a long pass stands. */
    interface Progress {
        void report(int done, int total);
    }

    private static final int STEP = 4096;

    private final Capture capture;
    private final Map<PacketColumn, DecodedColumn> decoded = new HashMap<>();

    FrameSorter(Capture capture) {
        this.capture = capture;
    }

    /**
     * Sorts {@code frames[0..count)} (ascending frame numbers; null for every frame of the capture).
     *
     * @param comment   the Comment column's text of a frame
     * @param cancelled polled as the work goes; true stops it with a CancellationException
     */
    Result sort(int[] frames, int count, Spec spec, TimeFormat format, IntFunction<String> comment,
                BooleanSupplier cancelled, Progress progress) throws IOException {
        int[] base = frames;
        if (base == null) {
            count = capture.frameCount();
            base = new int[count];
            for (int i = 0; i < count; i++) {
                base[i] = i;
            }
        }
        int[] ranks = new int[count];
        int maxRank = ranks(base, count, spec.column(), format, comment, cancelled, progress, ranks);
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            long r = spec.ascending() ? ranks[i] : maxRank - ranks[i];
            packed[i] = (r << 32) | base[i];
        }
        check(cancelled);
        Arrays.sort(packed);
        int[] sorted = new int[count];
        int[] rowOf = new int[capture.frameCount()];
        Arrays.fill(rowOf, -1);
        for (int i = 0; i < count; i++) {
            int f = (int) packed[i];
            sorted[i] = f;
            rowOf[f] = i;
        }
        return new Result(sorted, count, rowOf);
    }

    /** Fills ranks[i] with the place of frames[i]'s value; returns the highest rank. */
    private int ranks(int[] frames, int count, PacketColumn column, TimeFormat format, IntFunction<String> comment,
                      BooleanSupplier cancelled, Progress progress, int[] ranks) throws IOException {
        FrameIndex index = capture.index();
        switch (column) {
            case NUMBER:
                for (int i = 0; i < count; i++) {
                    ranks[i] = frames[i];
                }
                return capture.frameCount();
            case TIME: {
                long[] v = new long[count];
                boolean delta = format == TimeFormat.SINCE_PREVIOUS;
                for (int i = 0; i < count; i++) {
                    int f = frames[i];
                    long t = index.timestampNanos(f);
                    v[i] = delta ? (f == 0 ? 0 : t - index.timestampNanos(f - 1)) : t;
                }
                return denseRanks(v, ranks);
            }
            case LENGTH: {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) {
                    v[i] = index.originalLength(frames[i]);
                }
                return denseRanks(v, ranks);
            }
            case INTERFACE: {
                List<String> names = new ArrayList<>();
                capture.interfaces().forEach(i -> names.add(i.name()));
                int[] byId = stringRanks(names);
                int max = 0;
                for (int i = 0; i < count; i++) {
                    ranks[i] = byId[index.interfaceId(frames[i])];
                    max = Math.max(max, ranks[i]);
                }
                return max;
            }
            case COMMENT: {
                DecodedColumn texts = new DecodedColumn(capture.frameCount());
                int[] ids = new int[count];
                for (int i = 0; i < count; i++) {
                    if ((i % STEP) == 0) {
                        check(cancelled);
                    }
                    ids[i] = texts.intern(comment.apply(frames[i]));
                }
                return rankIds(texts, ids, ranks);
            }
            default:
                return decodedRanks(frames, count, column, cancelled, progress, ranks);
        }
    }

    private int decodedRanks(int[] frames, int count, PacketColumn column, BooleanSupplier cancelled,
                             Progress progress, int[] ranks) throws IOException {
        DecodedColumn values;
        synchronized (decoded) {
            values = decoded.computeIfAbsent(column, c -> new DecodedColumn(capture.frameCount()));
        }
        int missing = 0;
        for (int i = 0; i < count; i++) {
            if (values.id(frames[i]) < 0) {
                missing++;
            }
        }
        if (missing > 0) {
            FramePipeline.Reader decoder = FramePipeline.of(capture).reader(new Needs(Layer.ALL, false, false));
            Dissection d = new Dissection();
            int done = 0;
            progress.report(0, missing);
            for (int i = 0; i < count; i++) {
                int f = frames[i];
                if (values.id(f) >= 0) {
                    continue;
                }
                PacketRow row;
                try {
                    decoder.decode(f, d, Layer.ALL);
                    row = RowDecoder.of(d);
                } catch (IOException e) {
                    row = PacketRow.UNREADABLE;
                }
                values.set(f, values.intern(text(row, column)));
                if ((++done % STEP) == 0) {
                    check(cancelled);
                    progress.report(done, missing);
                }
            }
            progress.report(missing, missing);
        }
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = values.id(frames[i]);
        }
        return rankIds(values, ids, ranks);
    }

    static String text(PacketRow row, PacketColumn column) {
        switch (column) {
            case SOURCE:
                return row.source();
            case DESTINATION:
                return row.destination();
            case VLAN:
                return row.vlan();
            case PROTOCOL:
                return row.protocol();
            case INFO:
            default:
                return row.info();
        }
    }

    private static int rankIds(DecodedColumn values, int[] ids, int[] ranks) {
        int[] byId = stringRanks(values.snapshot());
        int max = 0;
        for (int i = 0; i < ids.length; i++) {
            ranks[i] = byId[ids[i]];
            max = Math.max(max, ranks[i]);
        }
        return max;
    }

    /** The place of each string among them, equal strings equal. */
    static int[] stringRanks(List<String> values) {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byText = (a, b) -> TextOrder.compare(values.get(a), values.get(b));
        Arrays.sort(order, byText);
        int[] rank = new int[values.size()];
        int r = -1;
        for (int i = 0; i < order.length; i++) {
            if (i == 0 || TextOrder.compare(values.get(order[i - 1]), values.get(order[i])) != 0) {
                r++;
            }
            rank[order[i]] = r;
        }
        return rank;
    }

    /** ranks[i] = the place of values[i] among the distinct values; returns the highest rank. */
    static int denseRanks(long[] values, int[] ranks) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[m - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        for (int i = 0; i < values.length; i++) {
            ranks[i] = Arrays.binarySearch(sorted, 0, m, values[i]);
        }
        return Math.max(0, m - 1);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("sort superseded");
        }
    }

    /** A column's text per frame as an id into its distinct values; -1 until the frame is decoded. */
    static final class DecodedColumn {
        private final int[] ids;
        private final List<String> values = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        DecodedColumn(int frames) {
            ids = new int[frames];
            Arrays.fill(ids, -1);
        }

        int id(int frame) {
            return ids[frame];
        }

        void set(int frame, int id) {
            ids[frame] = id;
        }

        synchronized int intern(String text) {
            String t = text == null ? "" : text;
            Integer id = index.get(t);
            if (id == null) {
                id = values.size();
                values.add(t);
                index.put(t, id);
            }
            return id;
        }

        synchronized List<String> snapshot() {
            return new ArrayList<>(values);
        }
    }
}
