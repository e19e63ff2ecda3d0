package dev.cutover.capture;

import java.util.List;

/**
 * Merges the indexes of several files into one numbering, as mergecap does: repeatedly take the
 * earliest of each file's next frame, ties going to the file given first. Each file keeps its order.
 */
final class IndexMerger {
    private final List<SourceScan> scans;
    private final int[] next;
    private final int[] nextNote;
    // a binary min-heap of file indexes, ordered by their next frame's time stamp, then file index
    private final int[] heap;
    private int heapSize;

    final FrameIndex index = new FrameIndex();
    final FrameNotes notes = new FrameNotes();

    private IndexMerger(List<SourceScan> scans) {
        this.scans = scans;
        this.next = new int[scans.size()];
        this.nextNote = new int[scans.size()];
        this.heap = new int[scans.size()];
    }

    static IndexMerger merge(List<SourceScan> scans) {
        IndexMerger m = new IndexMerger(scans);
        m.run();
        return m;
    }

    private void run() {
        for (int s = 0; s < scans.size(); s++) {
            if (scans.get(s).index.size() > 0) {
                push(s);
            }
        }
        while (heapSize > 0) {
            int s = heap[0];
            SourceScan scan = scans.get(s);
            FrameIndex from = scan.index;
            int j = next[s]++;
            index.append(from.dataOffset(j), from.timestampNanos(j), from.capturedLength(j),
                    from.originalLength(j), from.interfaceId(j));
            FrameNotes fromNotes = scan.notes;
            int k = nextNote[s];
            if (k < fromNotes.count() && fromNotes.frameAt(k) == j) {
                notes.add(index.size() - 1, fromNotes.flagsAt(k), fromNotes.commentsAt(k), fromNotes.vlanAt(k));
                nextNote[s] = k + 1;
            }
            if (next[s] < from.size()) {
                siftDown(0);
            } else {
                heap[0] = heap[--heapSize];
                siftDown(0);
            }
        }
    }

    private boolean before(int a, int b) {
        long ta = scans.get(a).index.timestampNanos(next[a]);
        long tb = scans.get(b).index.timestampNanos(next[b]);
        return ta < tb || (ta == tb && a < b);
    }

    private void push(int s) {
        int i = heapSize++;
        heap[i] = s;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(heap[i], heap[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= heapSize) {
                return;
            }
            int least = left;
            int right = left + 1;
            if (right < heapSize && before(heap[right], heap[left])) {
                least = right;
            }
            if (!before(heap[least], heap[i])) {
                return;
            }
            swap(i, least);
            i = least;
        }
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
