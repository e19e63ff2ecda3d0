package dev.cutover.capture;

import java.util.Arrays;
import java.util.List;

/**
 * Per-frame pcapng comments and flags, and a VLAN tag a text capture reported beside the bytes, kept only
 * for the frames that have them (most have none),
 * in ascending frame order so a lookup is a binary search.
 */
final class FrameNotes {
    private int[] frames = new int[0];
    private int[] flags = new int[0];
    private Object[] comments = new Object[0];
    private int[] vlans = new int[0];
    private int count;

    /** Adds the notes of a frame numbered above every frame added before. */
    void add(int frame, int frameFlags, List<String> frameComments) {
        add(frame, frameFlags, frameComments, -1);
    }

    /** As {@link #add(int, int, List)}, with the VLAN ID reported beside the frame (-1 for none). */
    void add(int frame, int frameFlags, List<String> frameComments, int vlan) {
        if (frameFlags == 0 && frameComments.isEmpty() && vlan < 0) {
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
            vlans = Arrays.copyOf(vlans, capacity);
        }
        frames[count] = frame;
        vlans[count] = vlan;
        flags[count] = frameFlags;
        comments[count] = frameComments.isEmpty() ? null : List.copyOf(frameComments);
        count++;
    }

    /**
     * The notes added so far, sharing this one's arrays: adding here later writes past the prefix's count or into new
     * arrays, so the prefix never changes. Hand it to another thread through a happens-before edge.
     */
    FrameNotes prefix() {
        FrameNotes p = new FrameNotes();
        p.frames = frames;
        p.flags = flags;
        p.comments = comments;
        p.vlans = vlans;
        p.count = count;
        return p;
    }

    int count() {
        return count;
    }

    int frameAt(int k) {
        return frames[k];
    }

    int vlanAt(int k) {
        return vlans[k];
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

    int vlan(int frame) {
        int k = Arrays.binarySearch(frames, 0, count, frame);
        return k < 0 ? -1 : vlans[k];
    }

    List<String> comments(int frame) {
        int k = Arrays.binarySearch(frames, 0, count, frame);
        return k < 0 ? List.of() : commentsAt(k);
    }
}
