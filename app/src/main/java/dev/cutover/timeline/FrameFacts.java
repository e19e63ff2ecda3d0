package dev.cutover.timeline;

/** What the timeline needs to know of a frame beyond the analysis: its time and its interface. */
public interface FrameFacts {
    long timeNanos(int frame);

    int interfaceId(int frame);

    String interfaceName(int interfaceId);
}
