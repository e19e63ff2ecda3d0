package dev.cutover.capture.live;

import java.util.HexFormat;
import java.util.List;

/**
 * Sends frames on an interface, run as a child process inside a test's network namespace:
 * {@code Injector IFACE HEX|+MS...}, where +MS waits that many milliseconds before the next frame.
 */
public final class Injector {
    private Injector() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("+")) {
                Thread.sleep(Long.parseLong(args[i].substring(1)));
            } else {
                LivePcap.send(iface, List.of(HexFormat.of().parseHex(args[i])));
            }
        }
    }
}
