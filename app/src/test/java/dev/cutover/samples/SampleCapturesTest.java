package dev.cutover.samples;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.MigrationOutcome;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Addresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample in {@code sample-captures/} gives exactly the migrations and findings its README promises, and no
 * others; and the committed files are what the generator writes.
 */
class SampleCapturesTest {
    /** What one sample (one or several files opened together) must give. */
    record Expected(List<String> files, List<String> migrations, List<String> findings, List<Double> shifts) {
        Expected(List<String> files, List<String> migrations, List<String> findings) {
            this(files, migrations, findings, List.of());
        }

        /** The files opened together, with the time shifts the README gives. */
        Capture open() throws IOException {
            List<Path> paths = files.stream().map(folder()::resolve).toList();
            long[] nanos = shifts.isEmpty() ? null : shifts.stream().mapToLong(s -> Math.round(s * 1e9)).toArray();
            return Capture.open(paths, nanos, LoadMonitor.NONE, null, null);
        }

        @Override
        public String toString() {
            return String.join(" + ", files);
        }
    }

    private static final String VMOTION = "00:50:56:9d:b0:51 VMware vlans=[10] rarp=6 esxi-notify-switches "
            + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=1 ips=[10.0.10.52] delay=180.0";

    static Stream<Expected> samples() {
        return Stream.of(
                new Expected(List.of("esxi-vmotion-vlan10.pcap"),
                        List.of(VMOTION + " on [esxi-vmotion-vlan10.pcap]"), List.of()),
                new Expected(List.of("esxi-team-vusb1.pcapng", "esxi-team-vusb2.pcapng"),
                        List.of(VMOTION + " on [vusb2]"), List.of()),
                new Expected(List.of("esxi-notify-switches-off.pcap"),
                        List.of("00:50:56:9d:b0:51 VMware vlans=[10] rarp=none garp=2 ips=[10.0.10.52] delay=none "
                                + "on [esxi-notify-switches-off.pcap]"),
                        List.of("garp-without-rarp warning 00:50:56:9d:b0:51 10.0.10.52")),
                new Expected(List.of("qemu-announce-self.pcap"),
                        List.of("52:54:00:6b:3a:10 QEMU/KVM vlans=[20] rarp=5 qemu-announce-self "
                                + "intervals=[50.0, 150.0, 250.0, 350.0] garp=1 ips=[10.0.20.15] delay=22.963 "
                                + "on [qemu-announce-self.pcap]"),
                        List.of()),
                new Expected(List.of("hyperv-live-migration.pcap"),
                        List.of("00:15:5d:0a:1e:07 Microsoft Hyper-V vlans=[] rarp=none garp=3 ips=[10.0.0.57] "
                                + "delay=none on [hyperv-live-migration.pcap]"),
                        List.of("garp-without-rarp note 00:15:5d:0a:1e:07 10.0.0.57")),
                new Expected(List.of("silent-vm-rarp-no-garp.pcap"),
                        List.of("00:50:56:9d:c4:22 VMware vlans=[10] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=0 ips=[] delay=none "
                                + "on [silent-vm-rarp-no-garp.pcap]"),
                        List.of("rarp-without-garp warning 00:50:56:9d:c4:22 10.0.10.77")),
                new Expected(List.of("duplicate-ip.pcap"),
                        List.of(VMOTION + " on [duplicate-ip.pcap]"),
                        List.of("duplicate-ip error 00:50:56:9d:77:01 10.0.10.52")),
                new Expected(List.of("arp-spoof-sender-mismatch.pcap"), List.of(),
                        List.of("arp-spoofing error 02:00:00:00:be:ef 10.0.10.1",
                                "sender-mac-mismatch warning 02:00:00:00:be:ef 10.0.10.1")),
                new Expected(List.of("rarp-only-ethtype-8035.pcap"),
                        List.of("00:50:56:9d:b0:51 VMware vlans=[10] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=0 ips=[] delay=none "
                                + "on [rarp-only-ethtype-8035.pcap]"),
                        List.of("no-arp-frames note - -")),
                new Expected(List.of("esxi-vmotion-vlan10.pktcap.txt"), List.of(VMOTION + " on [vmnic1]"), List.of()),
                new Expected(List.of("esxi-vmotion-vlan10.tcpdump-e.txt"), List.of(VMOTION + " on [vmnic1]"),
                        List.of()),
                new Expected(List.of("two-uplinks-nanosecond.pcapng"),
                        List.of("00:50:56:9d:e0:31 VMware vlans=[30] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=1 ips=[10.0.30.31] "
                                + "delay=211.0 on [vmnic0, vmnic1]"),
                        List.of("mac-on-multiple-interfaces warning 00:50:56:9d:e0:31 10.0.30.31")),
                new Expected(List.of("vlan-mismatch.pcap"),
                        List.of("00:50:56:9d:b0:51 VMware vlans=[10, 20] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=1 ips=[10.0.10.52] delay=150.0 "
                                + "on [vlan-mismatch.pcap]"),
                        List.of("vlan-mismatch error 00:50:56:9d:b0:51 10.0.10.52")),
                new Expected(List.of("esxi-vmotion-dual-stack.pcap"),
                        List.of("00:50:56:9d:b0:51 VMware vlans=[10] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=1 ips=[10.0.10.52] delay=180.0 "
                                + "na=2 ipv6s=[2001:db8:10::52, fe80::250:56ff:fe9d:b051] naDelay=181.0 "
                                + "on [esxi-vmotion-dual-stack.pcap]"),
                        List.of()),
                new Expected(List.of("kvm-linux-ipv4-only-announce.pcap"),
                        List.of("52:54:00:6b:3a:20 QEMU/KVM vlans=[20] rarp=5 qemu-announce-self "
                                + "intervals=[50.0, 150.0, 250.0, 350.0] garp=1 ips=[10.0.20.16] delay=22.963 "
                                + "on [kvm-linux-ipv4-only-announce.pcap]"),
                        List.of("ipv6-not-announced warning 52:54:00:6b:3a:20 - 2001:db8:20::16")),
                new Expected(List.of("ipv6-dad-conflict.pcap"), List.of(),
                        List.of("dad-conflict error 00:50:56:9d:30:02 - 2001:db8:30::15")),
                new Expected(List.of("vmotion-ping-ok.pcap"), List.of(VMOTION + " on [vmotion-ping-ok.pcap]"),
                        List.of()),
                new Expected(List.of("vmotion-ping-3-lost.pcap"), List.of(VMOTION + " on [vmotion-ping-3-lost.pcap]"),
                        List.of("ping-loss warning 00:50:56:9d:b0:51 10.0.10.52")),
                new Expected(List.of("stale-forwarding-vmnic5.pcapng", "stale-forwarding-vusb2.pcapng"),
                        List.of(VMOTION + " on [vusb2]"),
                        List.of("stale-forwarding error 00:50:56:9d:b0:51 10.0.10.52",
                                "ping-loss warning 00:50:56:9d:b0:51 10.0.10.52"), List.of(0.0, 2.9)),
                new Expected(List.of("silent-vm-dark.pcap"),
                        List.of("00:50:56:9d:d4:01 VMware vlans=[10] rarp=6 esxi-notify-switches "
                                + "intervals=[1.0, 1.0, 998.0, 1000.0, 2000.0] garp=0 ips=[] delay=none "
                                + "on [silent-vm-dark.pcap]"),
                        List.of("vm-dark error 00:50:56:9d:d4:01 -", "rarp-without-garp warning 00:50:56:9d:d4:01 -")),
                new Expected(List.of("vmotion-tcp-retransmissions.pcap"),
                        List.of(VMOTION + " on [vmotion-tcp-retransmissions.pcap]"),
                        List.of("tcp-retransmissions note 00:50:56:9d:b0:51 10.0.10.52")));
    }

    /** The outcome figures each outcome sample's README row gives, for its one migration. */
    static Stream<Object[]> outcomes() {
        return Stream.of(
                new Object[] {"vmotion-ping-ok.pcap",
                        "ok | ok, dark 212 ms | dark=212.0 toEnd=false before=350 after=355 judged=false stale=0 "
                                + "convergence=- on=- flooded=0 echo=200 sent 200 answered 0 lost, gap 100.0, run 0 "
                                + "tcp=null"},
                new Object[] {"vmotion-ping-3-lost.pcap",
                        "warn | dark 400 ms, ping lost 3/200 | dark=400.0 toEnd=false before=350 after=358 "
                                + "judged=false stale=0 convergence=- on=- flooded=0 echo=200 sent 197 answered 3 lost, "
                                + "gap 400.0, run 3 tcp=null"},
                new Object[] {"stale-forwarding-vmnic5.pcapng",
                        "bad | dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200 | dark=149.6 toEnd=false "
                                + "before=599 after=604 judged=true stale=15 first=601 last=633 convergence=1400.5 "
                                + "on=vmnic5 flooded=0 echo=200 sent 185 answered 15 lost, gap 1600.0, run 15 tcp=null"},
                new Object[] {"silent-vm-dark.pcap",
                        "bad | dark > 30 s | dark=30300.0 toEnd=true before=170 after=- judged=false stale=0 "
                                + "convergence=- on=- flooded=0 echo=null tcp=null"},
                new Object[] {"vmotion-tcp-retransmissions.pcap",
                        "ok | ok, dark 350 ms, 2 TCP retransmissions | dark=350.0 toEnd=false before=160 after=165 "
                                + "judged=false stale=0 convergence=- on=- flooded=0 echo=null "
                                + "tcp=2 retransmissions, stall 350.0"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void outcomeFiguresAreWhatTheReadmeSays(String first, String expected) throws IOException {
        Expected sample = samples().filter(e -> e.files().get(0).equals(first)).findFirst().orElseThrow();
        try (Capture capture = sample.open()) {
            AnalysisResult result = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(result.migrations()).hasSize(1);
            MigrationOutcome o = result.outcomeOf(result.migrations().get(0));
            String names = o.staleInterface() < 0 ? "-" : result.interfaceNames().get(o.staleInterface());
            String got = o.verdict().id() + " | " + o.summary() + " | dark=" + millis(o.darkNanos())
                    + " toEnd=" + o.darkToWindowEnd() + " before=" + oneBased(o.lastBefore())
                    + " after=" + oneBased(o.firstAfter()) + " judged=" + o.staleJudged()
                    + " stale=" + o.staleFrames()
                    + (o.staleFrames() > 0 ? " first=" + oneBased(o.staleFirst()) + " last=" + oneBased(o.staleLast())
                    : "") + " convergence=" + millis(o.convergenceNanos()) + " on=" + names
                    + " flooded=" + o.floodedFrames() + " echo=" + (o.echo() == null ? "null" : o.echo().sent()
                    + " sent " + o.echo().answered() + " answered " + o.echo().lost() + " lost, gap "
                    + millis(o.echo().longestGapNanos()) + ", run " + o.echo().longestLostRun())
                    + " tcp=" + (o.tcp() == null ? "null" : o.tcp().retransmissions() + " retransmissions, stall "
                    + millis(o.tcp().longestStallNanos()));
            assertThat(got).isEqualTo(expected);
        }
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "-" : Double.toString(Math.round(nanos / 1000.0) / 1000.0);
    }

    private static String oneBased(int frame) {
        return frame < 0 ? "-" : Integer.toString(frame + 1);
    }

    static Path folder() {
        for (String candidate : new String[] {"../sample-captures", "sample-captures"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new AssertionError("sample-captures/ not found from " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void analyzeReportsExactlyWhatTheReadmeSays(Expected expected) throws IOException {
        try (Capture capture = expected.open()) {
            AnalysisResult result = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(capture.damages()).isEmpty();
            List<String> migrations = new ArrayList<>();
            for (MigrationEvent e : result.migrations()) {
                migrations.add(describe(result, e));
            }
            List<String> findings = new ArrayList<>();
            for (Finding f : result.findings()) {
                findings.add(f.code().id() + " " + f.severity().name().toLowerCase(Locale.ROOT) + " "
                        + (f.mac() < 0 ? "-" : Addresses.mac(f.mac())) + " " + (f.ip() < 0 ? "-" : Addresses.ipv4(f.ip()))
                        + (f.ipv6() == null ? "" : " " + f.ipv6()));
            }
            assertThat(migrations).containsExactlyElementsOf(expected.migrations());
            assertThat(findings).containsExactlyInAnyOrderElementsOf(expected.findings());
        }
    }

    private static String describe(AnalysisResult result, MigrationEvent e) {
        StringBuilder sb = new StringBuilder();
        sb.append(Addresses.mac(e.mac())).append(' ').append(e.vendor()).append(" vlans=").append(e.vlans());
        if (e.hasRarp()) {
            List<Double> intervals = new ArrayList<>();
            for (long d : e.rarp().intervalsNanos()) {
                intervals.add(Math.round(d / 1000.0) / 1000.0);
            }
            sb.append(" rarp=").append(e.rarp().count()).append(' ').append(e.rarp().pattern().id())
                    .append(" intervals=").append(intervals);
        } else {
            sb.append(" rarp=none");
        }
        sb.append(" garp=").append(e.garpFrames().size()).append(" ips=")
                .append(e.ips().stream().map(Addresses::ipv4).collect(Collectors.toList()));
        sb.append(" delay=").append(e.rarpToGarpNanos().isPresent()
                ? Double.toString(Math.round(e.rarpToGarpNanos().getAsLong() / 1000.0) / 1000.0) : "none");
        if (e.hasNa()) {
            sb.append(" na=").append(e.naFrames().size()).append(" ipv6s=").append(e.ipv6s()).append(" naDelay=")
                    .append(e.rarpToNaNanos().isPresent()
                            ? Double.toString(Math.round(e.rarpToNaNanos().getAsLong() / 1000.0) / 1000.0) : "none");
        }
        sb.append(" on ").append(e.interfaces().stream().map(i -> result.interfaceNames().get(i)).toList());
        return sb.toString();
    }

    @Test
    void everySampleIsCoveredAndDescribed() throws IOException {
        List<String> listed = samples().flatMap(e -> e.files().stream()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(SampleCaptures.FILES);
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .containsExactlyInAnyOrderElementsOf(SampleCaptures.FILES);
        }
        String readme = Files.readString(folder().resolve("README.md"));
        for (String f : SampleCaptures.FILES) {
            assertThat(readme).contains("`" + f + "`");
        }
    }

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        SampleCaptures.writeAll(dir);
        for (String f : SampleCaptures.FILES) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(folder().resolve(f)));
        }
    }
}
