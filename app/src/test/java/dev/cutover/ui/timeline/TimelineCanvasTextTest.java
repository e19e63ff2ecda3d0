package dev.cutover.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uplink names in the timeline's names column: whole when they fit, cut with an ellipsis when not. */
class TimelineCanvasTextTest {
    @Test
    void aLongInterfaceNameIsCutWithAnEllipsisAShortOneIsKept() {
        // pcap's stand-in interface name, as tshark writes it
        String longName = "Unknown/not available in original file format(libpcap)";
        assertThat(TimelineCanvas.fit(longName, 150)).hasSize(24).endsWith("…").startsWith("Unknown/not");
        assertThat(TimelineCanvas.fit("vusb2", 150)).isEqualTo("vusb2");
        assertThat(TimelineCanvas.fit(longName, 10)).hasSize(4);
    }
}
