package dev.cutover.timeline;

import java.util.Arrays;

/**
 * The lanes on show, top to bottom (all of them, or those a search kept), with the running sum of their heights:
 * where a row starts and which row sits at a height are answered without visiting the other rows. Built once per
 * model and search, never per repaint.
 */
public final class LaneRows {
    private final TimelineModel model;
    private final int[] lanes;
    /** tops[r]: the height of the rows above row r; tops[size]: all of them. */
    private final double[] tops;
    /** The row of each model lane, -1 when it is not on show. */
    private final int[] rowOfLane;

    private LaneRows(TimelineModel model, int[] lanes) {
        this.model = model;
        this.lanes = lanes;
        tops = new double[lanes.length + 1];
        rowOfLane = new int[model.lanes().size()];
        Arrays.fill(rowOfLane, -1);
        for (int r = 0; r < lanes.length; r++) {
            tops[r + 1] = tops[r] + TimelineLayout.laneHeight(model.lanes().get(lanes[r]));
            rowOfLane[lanes[r]] = r;
        }
    }

    /** Every lane of the model, in its order. */
    public static LaneRows all(TimelineModel model) {
        int[] lanes = new int[model.lanes().size()];
        Arrays.setAll(lanes, i -> i);
        return new LaneRows(model, lanes);
    }

    /** Some lanes of the model, in the order given (model lane indexes). */
    public static LaneRows of(TimelineModel model, int[] lanes) {
        for (int l : lanes) {
            if (l < 0 || l >= model.lanes().size()) {
                throw new IllegalArgumentException("lane " + l + " is not in a model of " + model.lanes().size());
            }
        }
        return new LaneRows(model, lanes.clone());
    }

    public TimelineModel model() {
        return model;
    }

    /** Rows on show. */
    public int size() {
        return lanes.length;
    }

    /** The model lane index of a row. */
    public int lane(int row) {
        return lanes[row];
    }

    /** The row of a model lane, or -1 when the search hid it. */
    public int rowOf(int lane) {
        return lane >= 0 && lane < rowOfLane.length ? rowOfLane[lane] : -1;
    }

    /** The height of the rows above {@code row}. */
    public double top(int row) {
        return tops[row];
    }

    public double height(int row) {
        return tops[row + 1] - tops[row];
    }

    /** All rows stacked. */
    public double total() {
        return tops[lanes.length];
    }

    /** The row at a height from the top of the first row, or -1 outside them all. */
    public int rowAt(double y) {
        if (lanes.length == 0 || y < 0 || y >= tops[lanes.length]) {
            return -1;
        }
        int lo = 0;
        int hi = lanes.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tops[mid] <= y) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
