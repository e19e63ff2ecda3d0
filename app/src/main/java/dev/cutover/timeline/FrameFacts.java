package dev.cutover.timeline;

import dev.cutover.analysis.FrameClass;

/** What the timeline needs to know of frames beyond the analysis: their times, interfaces and classes. */
public interface FrameFacts {
    long timeNanos(int frame);

    int interfaceId(int frame);

    String interfaceName(int interfaceId);

    /** Frames in the capture. */
    int frameCount();

    /** The class the analysis gave the frame. */
    FrameClass frameClass(int frame);
}
