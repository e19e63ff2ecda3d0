package dev.cutover.capture.live;

import dev.cutover.samples.Wire;
import java.util.HexFormat;
import java.util.List;

/**
 * Sends frames on an interface, run as a child process inside a test's network namespace:
 * {@code Injector IFACE HEX|+MS|@N...}, where +MS waits that many milliseconds before the next frame and @N sends
 * N RARP frames at once, the k-th from {@link LinkLab#VM_MAC} + k.
 */
public final class Injector {
    private Injector() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("@")) {
                try (LivePcap.Sender sender = LivePcap.sender(iface)) {
                    int n = Integer.parseInt(args[i].substring(1));
                    for (int k = 0; k < n; k++) {
                        sender.send(Wire.rarp(LinkLab.VM_MAC + k));
                    }
                }
            } else if (args[i].startsWith("+")) {
                Thread.sleep(Long.parseLong(args[i].substring(1)));
            } else {
                LivePcap.send(iface, List.of(HexFormat.of().parseHex(args[i])));
            }
        }
    }
}
