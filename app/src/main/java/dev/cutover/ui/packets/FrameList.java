package dev.cutover.ui.packets;

import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames the packet list shows, as frame indices (0-based) in an int array in row order, or simply 0..n-1
 * when neither a filter nor a sort applies: a million frames cost 4 MB here and no object each. A sorted list
 * also holds its inverse (frame to row, 4 bytes a frame of the capture), so {@link #rowOf} stays constant time.
 */
final class FrameList extends ObservableListBase<Integer> {
    private int[] frames;
    private int size;
    /** frame to row when the rows are not ascending; null when {@link #frames} is ascending (or null). */
    private int[] rows;

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return frames == null ? row : frames[row];
    }

    /** The frame on a row, unboxed. */
    int frameAt(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return frames == null ? row : frames[row];
    }

    @Override
    public int size() {
        return size;
    }

    /** Shows every frame of a capture of {@code count} frames, in frame order. */
    void showAll(int count) {
        replace(null, count, null);
    }

    /** Shows the given frames, ascending. */
    void show(int[] shown, int count) {
        replace(shown, count, null);
    }

    /**
     * Shows frames in the given row order.
     *
     * @param rowOfFrame frame to row for every frame of the capture, -1 for frames not shown; null when
     *                   {@code shown} is ascending
     */
    void show(int[] shown, int count, int[] rowOfFrame) {
        replace(shown, count, rowOfFrame);
    }

    /**
     * Shows more frames in frame order after the ones shown: every frame of a capture grown to {@code count} frames
     * (when every frame was shown), or {@code shown}'s first {@code count}, ascending, whose first {@link #size()}
     * are the frames shown now. The rows shown stay, the new ones are appended: the table keeps its place.
     */
    void grow(int[] shown, int count) {
        if (rows != null || (shown == null) != (frames == null) || count < size) {
            replace(shown, count, null);
            return;
        }
        int from = size;
        frames = shown;
        size = count;
        if (count > from) {
            beginChange();
            nextAdd(from, count);
            endChange();
        }
    }

    /** The row showing the frame, or -1 when it is filtered out. */
    int rowOf(int frame) {
        if (frame < 0) {
            return -1;
        }
        if (rows != null) {
            return frame < rows.length ? rows[frame] : -1;
        }
        if (frames == null) {
            return frame < size ? frame : -1;
        }
        int r = Arrays.binarySearch(frames, 0, size, frame);
        return r < 0 ? -1 : r;
    }

    private void replace(int[] newFrames, int newSize, int[] newRows) {
        int[] oldFrames = frames;
        int oldSize = size;
        List<Integer> removed = new AbstractList<>() {
            @Override
            public Integer get(int i) {
                return oldFrames == null ? i : oldFrames[i];
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
        frames = newFrames;
        size = newSize;
        rows = newRows;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, removed);
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }
}
