package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.EtherTypes;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.cutover.statistics.BindingEvent.Kind.CHANGED;
import static dev.cutover.statistics.BindingEvent.Kind.ETHERNET_BROADCAST;
import static dev.cutover.statistics.BindingEvent.Kind.ETHERNET_MISMATCH;
import static dev.cutover.statistics.BindingEvent.Kind.FLIP_FLOP;
import static dev.cutover.statistics.BindingEvent.Kind.NEW_ACTIVITY;
import static dev.cutover.statistics.BindingEvent.Kind.NEW_STATION;
import static dev.cutover.statistics.BindingEvent.Kind.REUSED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * arpwatch's MAC-IP history on real captures. Each expected list is what arpwatch would log reading the file
 * with an empty database and every network accepted ({@code arpwatch -N -r FILE}), by the rules of its
 * {@code process_ether}, {@code sanity_ether} and {@code ent_add}: one line per change, "frame: words IP MAC
 * (previous MAC)"; lines for the same MAC and IP again are not logged.
 */
class BindingHistoryTest {
    static final Path SAMPLES = Path.of("../sample-captures");

    private static List<String> lines(Path file) throws IOException {
        try (Capture c = Capture.open(file)) {
            return BindingHistory.compute(c, LoadMonitor.NONE).events().stream()
                    .map(e -> (e.frame() + 1) + ": " + e.arpwatchLine()).toList();
        }
    }

    @Test
    void aCloneAnsweringForTheMigratedVmsIpIsAChangedEthernetAddress() throws IOException {
        assertThat(lines(SAMPLES.resolve("duplicate-ip.pcap"))).containsExactly(
                "1: new station 10.0.10.117 00:50:56:9d:10:11",
                "3: new station 10.0.10.123 00:50:56:9d:10:17",
                "5: new station 10.0.10.122 00:50:56:9d:10:16",
                "7: new station 10.0.10.116 00:50:56:9d:10:10",
                "16: new station 10.0.10.1 00:00:5e:00:01:0a",
                "21: new station 10.0.10.119 00:50:56:9d:10:13",
                "37: new station 10.0.10.118 00:50:56:9d:10:12",
                // the migrated VM's GARP; its RARPs (frames 41..) carry nothing, as for arpwatch
                "44: new station 10.0.10.52 00:50:56:9d:b0:51",
                "62: new station 10.0.10.120 00:50:56:9d:10:14",
                "78: new station 10.0.10.103 00:50:56:9d:10:03",
                // frame 79 is the VM's own reply (no change); 80 the clone's
                "80: changed ethernet address 10.0.10.52 00:50:56:9d:77:01 (00:50:56:9d:b0:51)");
    }

    @Test
    void aSenderMacThatIsNotTheFramesSourceIsLoggedAsMismatchAndChangesNothing() throws IOException {
        List<String> lines = lines(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"));
        assertThat(lines).filteredOn(l -> l.contains("mismatch")).containsExactly(
                "33: ethernet mismatch 10.0.10.1 00:0c:29:3e:5a:11 (02:00:00:00:be:ef)",
                "34: ethernet mismatch 10.0.10.1 00:0c:29:3e:5a:11 (02:00:00:00:be:ef)",
                "35: ethernet mismatch 10.0.10.1 00:0c:29:3e:5a:11 (02:00:00:00:be:ef)",
                "36: ethernet mismatch 10.0.10.1 00:0c:29:3e:5a:11 (02:00:00:00:be:ef)",
                "37: ethernet mismatch 10.0.10.1 00:0c:29:3e:5a:11 (02:00:00:00:be:ef)");
        assertThat(lines).contains("2: new station 10.0.10.1 00:00:5e:00:01:0a");
        assertThat(lines).noneMatch(l -> l.contains("changed") || l.contains("flip"));
    }

    /**
     * arpspoof's replies: one MAC tells each of two hosts that the other's IP is at its own MAC, and the owners
     * never speak. arpwatch, which reads only sender pairs, learns both IPs as new stations of that one MAC:
     * the Endpoints view shows the MAC with both IPs.
     */
    @Test
    void arpspoofPoisoningOfTwoSilentHostsIsTwoNewStationsOfOneMac() throws IOException {
        Path file = SharedCorpus.captures().resolve("realworld/sgr_na-arpSpoofing.pcap");
        assertThat(lines(file)).containsExactly(
                "1: new station 10.0.0.153 00:e0:4d:3c:25:7b",
                "2: new station 10.0.0.157 00:e0:4d:3c:25:7b");
        try (Capture c = Capture.open(file)) {
            BindingHistory h = BindingHistory.compute(c, LoadMonitor.NONE);
            assertThat(h.arpFrames()).isEqualTo(36);
            assertThat(h.ipCount()).isEqualTo(2);
        }
    }

    /** Laura Chappell's poisoning trace: the attacker and the owners answer in turn, so the IPs flip flop. */
    @Test
    void poisoningWhileTheOwnersStillAnswerIsFlipFlops() throws IOException {
        assertThat(lines(SharedCorpus.captures().resolve("realworld/chappell_arp-poison.pcapng"))).containsExactly(
                "6: new station 192.168.1.103 00:d0:59:aa:af:80",
                "7: new station 192.168.1.1 00:d0:59:aa:af:80",
                "10: changed ethernet address 192.168.1.1 00:20:78:d9:0d:db (00:d0:59:aa:af:80)",
                "11: flip flop 192.168.1.1 00:d0:59:aa:af:80 (00:20:78:d9:0d:db)",
                "12: changed ethernet address 192.168.1.103 00:d0:59:12:9b:01 (00:d0:59:aa:af:80)",
                "13: flip flop 192.168.1.103 00:d0:59:aa:af:80 (00:d0:59:12:9b:01)",
                "16: flip flop 192.168.1.1 00:20:78:d9:0d:db (00:d0:59:aa:af:80)",
                "17: flip flop 192.168.1.1 00:d0:59:aa:af:80 (00:20:78:d9:0d:db)",
                "18: flip flop 192.168.1.103 00:d0:59:12:9b:01 (00:d0:59:aa:af:80)",
                "19: flip flop 192.168.1.103 00:d0:59:aa:af:80 (00:d0:59:12:9b:01)");
    }

    /** Addresses that move to other MACs and back; a 46-day jump in time is short of arpwatch's six months. */
    @Test
    void addressesThatMovedAndCameBack() throws IOException {
        Path file = SharedCorpus.captures().resolve("realworld/tcpdump_sr_ri_tlv.pcap");
        assertThat(lines(file)).containsExactly(
                "34: new station 1.0.0.1 02:02:00:01:00:00",
                "35: new station 1.0.0.2 02:02:00:02:00:00",
                "36: new station 1.0.1.1 02:02:00:01:00:00",
                "37: new station 1.0.1.2 02:02:00:02:00:00",
                "184: changed ethernet address 1.0.0.1 02:02:00:02:00:00 (02:02:00:01:00:00)",
                "185: changed ethernet address 1.0.0.2 02:02:00:01:00:00 (02:02:00:02:00:00)",
                "202: changed ethernet address 1.0.1.2 02:02:00:03:00:00 (02:02:00:02:00:00)",
                "484: flip flop 1.0.0.1 02:02:00:01:00:00 (02:02:00:02:00:00)",
                "485: flip flop 1.0.0.2 02:02:00:02:00:00 (02:02:00:01:00:00)");
        try (Capture c = Capture.open(file)) {
            BindingHistory h = BindingHistory.compute(c, LoadMonitor.NONE);
            assertThat(h.macsOf(0x01000001L)).containsExactly(0x020200010000L, 0x020200020000L);
            BindingEvent back = h.events().get(7);
            assertThat(back.kind()).isEqualTo(FLIP_FLOP);
            // when the previous MAC last claimed it: at its change (frame 184) or since, before the flip flop
            assertThat(back.previousNanos()).isBetween(c.index().timestampNanos(183), back.timeNanos());
            assertThat(back.kind().isChange()).isTrue();
        }
    }

    // ---- the rules, one at a time ----

    private static final long A = 0x005056000001L;
    private static final long B = 0x005056000002L;
    private static final long C = 0x005056000003L;
    private static final long IP = 0x0a000001L;
    private static final long S = 1_000_000_000L;

    private static void reply(BindingHistory.Tracker t, int frame, long seconds, long mac) {
        t.arp(frame, seconds * S, 0, 0, EtherTypes.ARP, Arp.REPLY, mac, mac, IP);
    }

    private static List<BindingEvent.Kind> kinds(BindingHistory.Tracker t) {
        return t.events.stream().map(BindingEvent::kind).toList();
    }

    @Test
    void anOlderMacComingBackIsReusedAndTheListReorders() {
        BindingHistory.Tracker t = new BindingHistory.Tracker();
        reply(t, 0, 0, A);
        reply(t, 1, 1, B);
        reply(t, 2, 2, C);
        reply(t, 3, 3, A); // A is third in the list now: arpwatch's "reused old ethernet address"
        reply(t, 4, 4, C); // C is second: a flip flop
        reply(t, 5, 5, C); // the same again: nothing
        assertThat(kinds(t)).containsExactly(NEW_STATION, CHANGED, CHANGED, REUSED, FLIP_FLOP);
        assertThat(t.events.get(3).previousMac()).isEqualTo(C);
        BindingHistory h = t.finish(List.of("eth0"));
        assertThat(h.macsOf(IP)).containsExactly(C, A, B);
    }

    @Test
    void theSamePairAfterSixMonthsIsNewActivity() {
        BindingHistory.Tracker t = new BindingHistory.Tracker();
        reply(t, 0, 0, A);
        reply(t, 1, 6L * 30 * 24 * 3600, A); // exactly six months: arpwatch wants more
        reply(t, 2, 12L * 30 * 24 * 3600 + 1 + 6L * 30 * 24 * 3600, A);
        assertThat(kinds(t)).containsExactly(NEW_STATION, NEW_ACTIVITY);
    }

    @Test
    void probesRarpRequestsOtherOpcodesAndBroadcastSendersChangeNothing() {
        BindingHistory.Tracker t = new BindingHistory.Tracker();
        t.arp(0, 0, 0, 0, EtherTypes.ARP, Arp.REQUEST, A, A, 0); // RFC 5227 probe from 0.0.0.0
        t.arp(1, 0, 0, 0, EtherTypes.RARP, Arp.REVERSE_REQUEST, A, A, IP); // "no useful information"
        t.arp(2, 0, 0, 0, EtherTypes.ARP, 8, A, A, IP); // InARP request: arpwatch's "wrong arp op"
        t.arp(3, 0, 0, 0, EtherTypes.ARP, Arp.REPLY, 0xFFFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFFL, IP);
        assertThat(kinds(t)).containsExactly(ETHERNET_BROADCAST);
        assertThat(t.arpFrames).isEqualTo(1);
        t.arp(4, 0, 0, 0, EtherTypes.RARP, Arp.REVERSE_REPLY, B, B, IP); // a RARP server's reply claims its IP
        t.arp(5, 0, 0, 0, EtherTypes.ARP, Arp.REQUEST, -1, A, IP); // no link layer source: the sender is taken
        assertThat(kinds(t)).containsExactly(ETHERNET_BROADCAST, NEW_STATION, CHANGED);
    }

    @Test
    void eventsPastTheCapAreCountedNotKept() {
        BindingHistory.Tracker t = new BindingHistory.Tracker();
        for (int i = 0; i < BindingHistory.MAX_EVENTS + 10; i++) {
            reply(t, i, i, i % 2 == 0 ? A : B);
        }
        assertThat(t.events).hasSize(BindingHistory.MAX_EVENTS);
        assertThat(t.dropped).isEqualTo(10);
        assertThat(t.finish(List.of()).droppedEvents()).isEqualTo(10);
    }

    @Test
    void copyAsCsvNamesTheEventsInArpwatchsWords() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("duplicate-ip.pcap"))) {
            BindingHistory h = BindingHistory.compute(c, LoadMonitor.NONE);
            String csv = h.csv(h.events(), f -> "t" + f);
            assertThat(csv.split("\r\n")).hasSize(h.events().size() + 1);
            assertThat(csv).startsWith("Time,IP,MAC,Previous MAC,Event,VLAN,Interface,Frame\r\n")
                    .contains("t79,10.0.10.52,00:50:56:9d:77:01,00:50:56:9d:b0:51,changed ethernet address,10,"
                            + "duplicate-ip.pcap,80\r\n");
        }
    }
}
