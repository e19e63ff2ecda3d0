package dev.cutover.dissect;

import dev.cutover.capture.LinkTypes;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes, under any of the link types we decode, with any original length: the dissector records what it
 * can and never throws, never reads outside the frame, and every node's bytes lie inside the captured bytes.
 */
class DissectorFuzzTest {
    private static final int[] LINK_TYPES = {LinkTypes.ETHERNET, LinkTypes.LINUX_SLL,
            LinkTypes.LINUX_SLL2, 0, 105};

    private final Dissector dissector = new Dissector();
    private final Dissection d = new Dissection();

    @FuzzTest(maxDuration = "10s")
    void anyFrameDecodesWithoutEscapingExceptions(FuzzedDataProvider data) {
        int linkType = LINK_TYPES[data.consumeInt(0, LINK_TYPES.length - 1)];
        int extra = data.consumeInt(0, 70_000);
        int fcs = data.consumeInt(-1, 4);
        byte[] frame = data.consumeRemainingAsBytes();
        FrameInfo info = new FrameInfo(1, 0, 0, 0, frame.length, frame.length + extra, 0, "fuzz", linkType,
                fcs, 0, List.of());
        dissector.dissect(info, frame, d);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.offset(i)).as("%s in a %d-byte frame of link type %d", d.field(i).abbrev(), frame.length, linkType)
                    .isBetween(0, frame.length);
            assertThat(d.offset(i) + d.length(i)).isLessThanOrEqualTo(frame.length);
            FieldFormat.label(d, i);
            FieldFormat.value(d, i);
        }
    }
}
