package dev.cutover.timeline;

import dev.cutover.analysis.FrameClass;

/** What the timeline needs to know of frames beyond the analysis: their times, interfaces and classes. */
public interface TimelineFrames {
    long timeNanos(int frame);

    int interfaceId(int frame);

    String interfaceName(int interfaceId);

    /** Frames in the capture. */
    int frameCount();

    /** The class the analysis gave the frame. */
    FrameClass frameClass(int frame);

    /** The facts of an open capture, read from its frame index. */
    static TimelineFrames of(dev.cutover.capture.Capture c) {
        return new TimelineFrames() {
            @Override
            public long timeNanos(int frame) {
                return c.index().timestampNanos(frame);
            }

            @Override
            public int interfaceId(int frame) {
                return c.index().interfaceId(frame);
            }

            @Override
            public int frameCount() {
                return c.frameCount();
            }

            @Override
            public dev.cutover.analysis.FrameClass frameClass(int frame) {
                return dev.cutover.analysis.FrameClass.ofCode(c.index().frameClass(frame));
            }

            @Override
            public String interfaceName(int id) {
                // a label on the lane: a newline in the name must not break it in two
                return id < c.interfaces().size() ? dev.cutover.text.Untrusted.oneLine(c.interfaces().get(id).name())
                        : "if" + id;
            }
        };
    }
}
