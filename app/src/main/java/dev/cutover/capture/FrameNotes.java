package dev.cutover.capture;

import java.util.Arrays;
import java.util.List;

/**
 * Per-frame pcapng comments and flags, kept only for the frames that have them (most have none),
 * in ascending frame order so a lookup is a binary search.
 */
final class FrameNotes {
    private int[] frames = new int[0];
    private int[] flags = new int[0];
    private Object[] comments = new Object[0];
    private int count;

    /** Adds the notes of a frame numbered above every frame added before. */
    void add(int frame, int frameFlags, List<String> frameComments) {
        if (frameFlags == 0 && frameComments.isEmpty()) {
            return;
        }
        if (count > 0 && frame <= frames[count - 1]) {
            throw new IllegalArgumentException("frames must be added in ascending order");
        }
        if (count == frames.length) {
            int capacity = Math.max(16, count * 2);
            frames = Arrays.copyOf(frames, capacity);
            flags = Arrays.copyOf(flags, capacity);
            comments = Arrays.copyOf(comments, capacity);
        }
        frames[count] = frame;
        flags[count] = frameFlags;
        comments[count] = frameComments.isEmpty() ? null : List.copyOf(frameComments);
        count++;
    }

    int count() {
        return count;
    }

    int frameAt(int k) {
        return frames[k];
    }

    int flagsAt(int k) {
        return flags[k];
    }

    @SuppressWarnings("unchecked")
    List<String> commentsAt(int k) {
        Object c = comments[k];
        return c == null ? List.of() : (List<String>) c;
    }

    int flags(int frame) {
        int k = Arrays.binarySearch(frames, 0, count, frame);
        return k < 0 ? 0 : flags[k];
    }

    List<String> comments(int frame) {
        int k = Arrays.binarySearch(frames, 0, count, frame);
        return k < 0 ? List.of() : commentsAt(k);
    }
}
