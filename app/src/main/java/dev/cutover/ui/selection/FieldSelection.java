package dev.cutover.ui.selection;

import dev.cutover.annotations.AnnotationSource;
import dev.cutover.frames.FramePipeline;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Layer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * Joins the details tree and the hex dump: the frame on show and the node (field) selected in it. The tree
 * selects a node and the hex view shows its bytes; the hex view selects a byte and the tree shows the deepest
 * visible field that covers it. Neither view knows the other.
 */
public final class FieldSelection {
    private final ReadOnlyObjectWrapper<DecodedFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyIntegerWrapper node = new ReadOnlyIntegerWrapper(this, "node", -1);
    /** The frames the tree decodes: the capture with its annotations and, once there, its analysis. */
    private FramePipeline frames;
    private java.util.function.IntFunction<java.util.List<String>> annotations = f -> java.util.List.of();

    /** Where the comments annotations add to a frame come from, for a capture set later with {@link #setCapture}. */
    public void setAnnotations(java.util.function.IntFunction<java.util.List<String>> annotations) {
        this.annotations = annotations;
    }

    /**
     * More frames of the capture on show (a file still loading): {@code capture} holds the frames shown so far and
     * more, unchanged, so the frame on show and its selected field stay.
     */
    public void extendCapture(Capture capture) {
        frames = capture == null ? null
                : FramePipeline.of(capture).withAnnotations(AnnotationSource.comments(annotations));
    }

    /** A new capture: nothing selected. */
    public void setCapture(Capture capture) {
        extendCapture(capture);
        showFrame(-1);
    }

    /**
     * The window's frame pipeline for the capture on show; the frame on show is decoded again, so the analysis's
     * facts appear in the tree when they arrive. One of another capture is ignored.
     */
    public void setFrames(FramePipeline p) {
        if (p == null || frames == null || p.capture() != frames.capture()) {
            return;
        }
        boolean analysisArrived = p.hasAnalysis() && !frames.hasAnalysis();
        frames = p;
        DecodedFrame shown = frame.get();
        if (shown != null && analysisArrived) {
            int n = node.get();
            showFrame(shown.frame());
            selectNode(n);
        }
    }

    /** Decodes and shows frame {@code index} (0-based); -1 shows nothing. */
    public void showFrame(int index) {
        node.set(-1);
        if (index < 0 || frames == null) {
            frame.set(null);
            return;
        }
        // A reader of its own, so the bytes behind this dissection stay as they are after the next selection.
        FramePipeline.Reader decoder = frames.fullReader();
        Dissection d = new Dissection();
        try {
            decoder.decode(index, d, Layer.ALL);
        } catch (IOException e) {
            d.reset(new byte[0], 0);
            d.markMalformed();
        }
        frame.set(new DecodedFrame(index, d, Arrays.copyOf(d.data(), d.capturedLength())));
    }

    /** Selects a node of the frame on show (-1: none). */
    public void selectNode(int n) {
        DecodedFrame f = frame.get();
        if (f == null || n >= f.dissection().size()) {
            n = -1;
        }
        node.set(n);
    }

    /** Selects the deepest visible field covering the byte; returns it, or -1 when none does. */
    public int selectByte(int offset) {
        int n = nodeAt(offset);
        node.set(n);
        return n;
    }

    /** The deepest field shown in the tree (hidden fields are not) whose bytes include {@code offset}, or -1. */
    public int nodeAt(int offset) {
        DecodedFrame f = frame.get();
        if (f == null) {
            return -1;
        }
        Dissection d = f.dissection();
        int best = -1;
        int bestDepth = -1;
        for (int i = 0; i < d.size(); i++) {
            if (d.length(i) > 0 && offset >= d.offset(i) && offset < d.offset(i) + d.length(i) && visible(d, i)) {
                int depth = d.depth(i);
                if (depth >= bestDepth) {
                    best = i;
                    bestDepth = depth;
                }
            }
        }
        return best;
    }

    /** Whether a node appears in the details tree: neither it nor a parent is a hidden field. */
    public static boolean visible(Dissection d, int node) {
        for (int p = node; p >= 0; p = d.parent(p)) {
            if (d.field(p).hidden()) {
                return false;
            }
        }
        return true;
    }

    public ReadOnlyObjectProperty<DecodedFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The selected node of the frame on show, -1 for none. */
    public ReadOnlyIntegerProperty nodeProperty() {
        return node.getReadOnlyProperty();
    }
}
