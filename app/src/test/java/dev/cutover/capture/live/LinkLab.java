package dev.cutover.capture.live;

import dev.cutover.samples.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Private test links: a veth pair in a network namespace of its own, or with unique names and no addresses in
 * this one. Live tests run only as root with libpcap and iproute2 there; {@link #whyNot()} says what is missing.
 */
public final class LinkLab {
    private LinkLab() {
    }

    /** Null when the live tests can run, else the reason they are skipped. */
    public static String whyNot() {
        try {
            if (!"0".equals(run("id", "-u").strip())) {
                return "live capture tests need root (CI runs them as root)";
            }
            run("ip", "-V");
        } catch (IOException e) {
            return "live capture tests need iproute2 (`ip`): " + e.getMessage();
        }
        try {
            LivePcap.interfaces();
        } catch (LiveCaptureException e) {
            return e.getMessage();
        }
        return null;
    }

    public static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Runs the command and ignores a failure: for clean-up. */
    public static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** A veth pair a and b, up, no addresses, IPv6 off so the kernel sends nothing of its own. */
    public static void vethPair(String namespace, String a, String b) throws IOException {
        List<String> prefix = namespace == null ? List.of("ip") : List.of("ip", "-n", namespace);
        run(cat(prefix, "link", "add", a, "type", "veth", "peer", "name", b));
        for (String end : List.of(a, b)) {
            List<String> sysctl = new ArrayList<>();
            if (namespace != null) {
                sysctl.addAll(List.of("ip", "netns", "exec", namespace));
            }
            sysctl.addAll(List.of("sysctl", "-qw", "net.ipv6.conf." + end + ".disable_ipv6=1"));
            quietly(sysctl.toArray(String[]::new));
            run(cat(prefix, "link", "set", end, "up"));
        }
    }

    /**
     * A veth pair of this test class's own in this namespace (a stale one of the same names removed first);
     * returns why live tests must be skipped instead, or null when the pair is up.
     */
    public static String ownPair(String send, String listen) throws IOException {
        String skip = whyNot();
        if (skip == null) {
            quietly("ip", "link", "del", send);
            vethPair(null, send, listen);
        }
        return skip;
    }

    /** Removes a pair made by {@link #ownPair} (deleting one end takes its peer). */
    public static void removePair(String send) {
        quietly("ip", "link", "del", send);
    }

    static String[] cat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    /** The VM that moves in the test traffic. */
    public static final long VM_MAC = Wire.mac("52:54:00:12:34:56");
    public static final long VM_IP = Wire.ip("10.1.2.3");
    /** RARP and GARP frames in {@link #migrationTraffic()}: what an ARP/RARP filter keeps. */
    public static final int MIGRATION_FRAMES = 5;

    /**
     * A QEMU announce-self burst (four RARP, 50/150/250 ms apart), the guest's gratuitous ARP, and noise
     * around it (TCP, tagged and not) that the migration filter drops: frames as hex, waits as +MS.
     */
    public static List<String> migrationTraffic() {
        HexFormat hex = HexFormat.of();
        long a = Wire.mac("02:00:00:00:00:0a");
        long b = Wire.mac("02:00:00:00:00:0b");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(hex.formatHex(Wire.tcp(a, b, Wire.ip("10.9.0.1"), Wire.ip("10.9.0.2"), 100 + i)));
        }
        int[] waits = {50, 150, 250};
        for (int i = 0; i < 4; i++) {
            out.add(hex.formatHex(Wire.rarp(VM_MAC)));
            out.add(hex.formatHex(Wire.tcp(a, b, Wire.ip("10.9.0.1"), Wire.ip("10.9.0.2"), 10, 100)));
            if (i < 3) {
                out.add("+" + waits[i]);
            }
        }
        out.add(hex.formatHex(Wire.garp(VM_MAC, VM_IP)));
        out.add(hex.formatHex(Wire.tcp(b, a, Wire.ip("10.9.0.2"), Wire.ip("10.9.0.1"), 0)));
        return out;
    }

    /** Sends the traffic from this JVM (waits included). */
    public static void inject(String iface, List<String> traffic) throws Exception {
        Injector.main(cat(List.of(iface), traffic.toArray(String[]::new)));
    }

    /** The java launcher and class path of this JVM, for child processes. */
    public static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
