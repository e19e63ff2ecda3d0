package dev.cutover.ui.packets;

import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.List;

/**
 * The frames the packet list shows, as frame indices (0-based) in an int array, or simply 0..n-1 when no
 * filter applies: a million frames cost 4 MB here and no object each.
 */
final class FrameList extends ObservableListBase<Integer> {
    private int[] frames;
    private int size;

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return frames == null ? row : frames[row];
    }

    @Override
    public int size() {
        return size;
    }

    /** Shows every frame of a capture of {@code count} frames. */
    void showAll(int count) {
        replace(null, count);
    }

    /** Shows the given frames, ascending. */
    void show(int[] shown, int count) {
        replace(shown, count);
    }

    /** The row showing the frame, or -1 when it is filtered out. */
    int rowOf(int frame) {
        if (frames == null) {
            return frame >= 0 && frame < size ? frame : -1;
        }
        int r = java.util.Arrays.binarySearch(frames, 0, size, frame);
        return r < 0 ? -1 : r;
    }

    private void replace(int[] newFrames, int newSize) {
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
