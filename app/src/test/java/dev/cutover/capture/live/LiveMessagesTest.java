package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.live.LiveCaptureException.Kind;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the user reads when live capture cannot run, without needing libpcap or root to check it. */
class LiveMessagesTest {
    @Test
    void missingLibpcapSaysWhatToInstallOnEachSystem() {
        LiveCaptureException e = LivePcap.libpcapMissing(new UnsatisfiedLinkError("Unable to load library 'pcap'"));
        assertThat(e.kind()).isEqualTo(Kind.LIBPCAP_MISSING);
        assertThat(e.getMessage()).contains("apt-get install libpcap0.8").contains("Npcap")
                .contains("macOS has it built in");
    }

    @Test
    void permissionDeniedSaysRunAsRootOrSetcap() {
        LiveCaptureException e = LivePcap.translate("eth1",
                new IOException("You don't have permission to capture on that device (socket: Operation not permitted)"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_PERMITTED);
        assertThat(e.getMessage()).startsWith("eth1: capturing is not permitted").contains("Run as root")
                .contains("setcap cap_net_raw,cap_net_admin=eip");
    }

    @Test
    void anUnknownInterfaceIsNamed() {
        LiveCaptureException e = LivePcap.translate("eth9", new IOException("No such device exists"));
        assertThat(e.kind()).isEqualTo(Kind.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).isEqualTo("eth9: no such interface; `cutover interfaces` lists those there are");
    }
}
