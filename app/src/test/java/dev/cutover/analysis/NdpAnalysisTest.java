package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPv6 neighbour discovery in the migration analysis: the classes of solicitations and advertisements, unsolicited
 * advertisements joining migration events as gratuitous ARP does, and the IPv6 findings, each where it applies and
 * where it must not.
 */
class NdpAnalysisTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long OTHER = mac("00:50:56:9d:00:02");
    private static final long ROUTER = mac("00:00:5e:00:01:0a");
    private static final long PHYSICAL = mac("3c:fd:fe:00:00:01");
    private static final String VM_V6 = "2001:db8:10::52";
    private static final String VM_LL = Wire.linkLocal(VM);
    private static final String ROUTER_LL = "fe80::1";
    private static final long SECOND = 1_000 * MS;

    @TempDir
    Path dir;

    @Test
    void eachKindOfNeighbourDiscoveryFrameHasItsClass() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + MS, Wire.na(VM, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, false))
                .add(T0 + 2 * MS, Wire.na(ROUTER, ROUTER, ROUTER_LL, VM_LL, ROUTER_LL, true, true, true))
                .add(T0 + 3 * MS, Wire.na(VM, VM, VM_LL, ROUTER_LL, VM_V6, false, false, true))
                .add(T0 + 4 * MS, Wire.dadProbe(VM, VM_V6))
                .add(T0 + 5 * MS, Wire.ns(VM, VM_LL, Wire.solicitedNode(ROUTER_LL), ROUTER_LL, VM))
                .add(T0 + 6 * MS, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20))
                .add(T0 + 7 * MS, Wire.garp(VM, ip("10.0.10.52")))
                .add(T0 + 8 * MS, Wire.unsolicitedNa(VM, VM_V6, 10));
        Analyses a = Analyses.of(dir, t);
        FrameClass[] expected = {FrameClass.NA_UNSOLICITED, FrameClass.NA_UNSOLICITED_NO_OVERRIDE,
                FrameClass.NA_REPLY, FrameClass.NA_OTHER, FrameClass.DAD_PROBE, FrameClass.NEIGHBOR_SOLICITATION,
                FrameClass.NONE, FrameClass.GARP_REQUEST, FrameClass.NA_UNSOLICITED};
        for (int i = 0; i < expected.length; i++) {
            assertThat(a.result.classOf(i)).as("frame %d", i + 1).isEqualTo(expected[i]);
            assertThat(FrameClass.ofCode(a.indexClasses[i])).as("index byte of frame %d", i + 1)
                    .isEqualTo(expected[i]);
        }
        assertThat(a.result.arpFrameCount()).isEqualTo(1);
        assertThat(a.result.ndpFrameCount()).isEqualTo(7);
        assertThat(FrameClass.NA_UNSOLICITED.label()).isEqualTo("unsolicited NA");
        assertThat(FrameClass.GARP_REQUEST.isNdp()).isFalse();
        assertThat(FrameClass.DAD_PROBE.isNdp()).isTrue();
    }

    @Test
    void theFastPathTheTapAndTheDissectorReadTheSameRows() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + MS, Wire.na(OTHER, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, true, 100, 10))
                .add(T0 + 2 * MS, Wire.na(ROUTER, -1, ROUTER_LL, VM_LL, ROUTER_LL, true, true, false))
                .add(T0 + 3 * MS, Wire.dadProbe(VM, VM_V6, 10))
                .add(T0 + 4 * MS, Wire.ns(VM, VM_LL, Wire.solicitedNode(ROUTER_LL), ROUTER_LL, VM))
                .add(T0 + 5 * MS, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20))
                .add(T0 + 6 * MS, Wire.udp6(VM, ROUTER, VM_LL, ROUTER_LL, 20))
                .add(T0 + 7 * MS, Wire.garp(VM, ip("10.0.10.52")));
        Path file = dir.resolve("ndp.pcap");
        t.pcap(file);
        ArpFrames fast;
        ArpFrames reference;
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE)) {
            fast = ArpScanner.scan(c, LoadMonitor.NONE);
            reference = ArpScanner.scanThroughDissector(c);
        }
        assertThat(ArpRowsDiff.rows(fast, reference, "the dissector")).isNull();
        ArpTap tap = new ArpTap();
        ArpFrames tapped;
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE, tap)) {
            tapped = tap.frames(c);
        }
        assertThat(ArpRowsDiff.rows(tapped, reference, "the dissector")).isNull();
        assertThat(tap.readAgain()).isZero();
        assertThat(fast.count).isEqualTo(6);
        // the second frame's option names the VM while its Ethernet source is another MAC
        int r = fast.rowOf(1);
        assertThat(fast.ndLinkAddr[r]).isEqualTo(VM);
        assertThat(fast.ethSrc[r]).isEqualTo(OTHER);
        assertThat(ArpFrames.vlanText(fast.vlans[r])).isEqualTo("100.10");
        assertThat(fast.ndTargetText(r)).isEqualTo(VM_V6);
        assertThat(fast.senderMac[r]).isEqualTo(-1);
        // the global source is kept, the link-local one is not
        assertThat(ArpRowsDiff.v6Sources(fast.v6Sources)).isEqualTo("[0050569db051 20010db8001000000000000000000052 #6]");
    }

    @Test
    void aDualStackMoveJoinsRarpGarpAndNaInOneEvent() throws IOException {
        Trace t = new Trace();
        t.add(T0, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20));
        long burst = T0 + SECOND;
        for (long ms : new long[] {0, 1, 2, 1000, 2000, 4000}) {
            t.add(burst + ms * MS, Wire.rarp(VM));
        }
        Trace s = sorted(t, new Trace()
                .add(burst + 180 * MS, Wire.garp(VM, ip("10.0.10.52")))
                .add(burst + 200 * MS, Wire.unsolicitedNa(VM, VM_V6))
                .add(burst + 201 * MS, Wire.unsolicitedNa(VM, VM_LL)));
        Analyses a = Analyses.of(dir, s);
        assertThat(a.result.migrations()).hasSize(1);
        MigrationEvent e = a.result.migrations().get(0);
        assertThat(e.hasRarp()).isTrue();
        assertThat(e.ips()).containsExactly(ip("10.0.10.52"));
        assertThat(e.ipv6s()).containsExactly(VM_V6, VM_LL);
        assertThat(e.rarpToNaNanos().getAsLong()).isEqualTo(200 * MS);
        assertThat(e.rarpToGarpNanos().getAsLong()).isEqualTo(180 * MS);
        assertThat(e.naFrames()).hasSize(2);
        for (int f : e.naFrames()) {
            assertThat(a.result.migrationOf(f)).isEqualTo(0);
        }
        assertThat(a.codes()).isEmpty();
    }

    @Test
    void anUnsolicitedNaAloneIsAnEventWithoutGarpFindings() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + MS, Wire.unsolicitedNa(VM, VM_LL));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(1);
        MigrationEvent e = a.result.migrations().get(0);
        assertThat(e.hasRarp()).isFalse();
        assertThat(e.hasGarp()).isFalse();
        assertThat(e.ipv6s()).containsExactly(VM_V6, VM_LL);
        assertThat(e.firstFrame()).isZero();
        assertThat(a.codes()).doesNotContain(FindingCode.GARP_WITHOUT_RARP, FindingCode.RARP_WITHOUT_GARP);
    }

    @Test
    void anNaWithoutOverrideAloneMakesNoEvent() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.na(VM, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, false));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).isEmpty();
        assertThat(a.codes()).isEmpty();
    }

    @Test
    void aRarpWithOnlyNaIsNoMissingGarpForAnIpv6OnlyGuestButIsForADualStackOne() throws IOException {
        Trace v6only = new Trace()
                .add(T0, Wire.rarp(VM))
                .add(T0 + 100 * MS, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + 200 * MS, Wire.request(OTHER, ip("10.0.0.2"), ip("10.0.0.3")));
        assertThat(Analyses.of(dir, v6only).codes()).doesNotContain(FindingCode.RARP_WITHOUT_GARP);
        Trace dual = new Trace()
                .add(T0 - 2 * SECOND, Wire.request(VM, ip("10.0.10.52"), ip("10.0.10.1")))
                .add(T0, Wire.rarp(VM))
                .add(T0 + 100 * MS, Wire.unsolicitedNa(VM, VM_V6));
        assertThat(Analyses.of(dir, dual).codes()).contains(FindingCode.RARP_WITHOUT_GARP);
    }

    @Test
    void aMovedVmThatAnnouncesIpv4OnlyHasIpv6NotAnnounced() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20))
                .add(T0 + SECOND, Wire.rarp(VM))
                .add(T0 + SECOND + 100 * MS, Wire.garp(VM, ip("10.0.10.52")));
        Analyses a = Analyses.of(dir, t);
        Finding f = a.only(FindingCode.IPV6_NOT_ANNOUNCED);
        assertThat(f.ipv6()).isEqualTo(VM_V6);
        assertThat(f.mac()).isEqualTo(VM);
        assertThat(f.frames()).containsExactly(0, 1);
        assertThat(f.message()).contains(VM_V6).contains("no unsolicited Neighbor Advertisement")
                .contains("IPv4 only");
    }

    @Test
    void ipv6NotAnnouncedNamesOnlyTheAddressesLeftOut() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20))
                .add(T0 + 1, Wire.udp6(VM, ROUTER, "2001:db8:10::99", "2001:db8::53", 20))
                .add(T0 + SECOND, Wire.rarp(VM))
                .add(T0 + SECOND + 100 * MS, Wire.unsolicitedNa(VM, VM_V6));
        Finding f = Analyses.of(dir, t).only(FindingCode.IPV6_NOT_ANNOUNCED);
        assertThat(f.ipv6()).isEqualTo("2001:db8:10::99");
        assertThat(f.message()).contains("announced " + VM_V6 + " but not 2001:db8:10::99");
    }

    @Test
    void ipv6NotAnnouncedIsNotForLinkLocalUseLaterUseOrAPhysicalHost() throws IOException {
        // only link-local traffic before the move
        Trace linkLocal = new Trace()
                .add(T0, Wire.udp6(VM, ROUTER, VM_LL, ROUTER_LL, 20))
                .add(T0 + SECOND, Wire.rarp(VM))
                .add(T0 + SECOND + 100 * MS, Wire.garp(VM, ip("10.0.10.52")));
        assertThat(Analyses.of(dir, linkLocal).codes()).doesNotContain(FindingCode.IPV6_NOT_ANNOUNCED);
        // IPv6 first used after the move
        Trace later = new Trace()
                .add(T0, Wire.rarp(VM))
                .add(T0 + 100 * MS, Wire.garp(VM, ip("10.0.10.52")))
                .add(T0 + SECOND, Wire.udp6(VM, ROUTER, VM_V6, "2001:db8::53", 20));
        assertThat(Analyses.of(dir, later).codes()).doesNotContain(FindingCode.IPV6_NOT_ANNOUNCED);
        // a physical host's gratuitous ARP (a cluster address taken over) is no VM move
        Trace physical = new Trace()
                .add(T0, Wire.udp6(PHYSICAL, ROUTER, "2001:db8::7", "2001:db8::53", 20))
                .add(T0 + SECOND, Wire.garp(PHYSICAL, ip("10.0.0.7")));
        assertThat(Analyses.of(dir, physical).codes()).doesNotContain(FindingCode.IPV6_NOT_ANNOUNCED);
    }

    @Test
    void aMacSendingFromManyAddressesForwardsOthersTrafficAndHasNoneOfItsOwnToAnnounce() throws IOException {
        // a VM that routes: nine global sources before its move are its clients', not its addresses
        Trace t = new Trace();
        for (int i = 0; i < 9; i++) {
            t.add(T0 + i * MS, Wire.udp6(VM, ROUTER, "2001:db8:99::" + (i + 1), "2001:db8::53", 20));
        }
        t.add(T0 + SECOND, Wire.rarp(VM)).add(T0 + SECOND + 100 * MS, Wire.garp(VM, ip("10.0.10.52")));
        assertThat(Analyses.of(dir, t).codes()).doesNotContain(FindingCode.IPV6_NOT_ANNOUNCED);
        // eight are still a host's own
        Trace host = new Trace();
        for (int i = 0; i < 8; i++) {
            host.add(T0 + i * MS, Wire.udp6(VM, ROUTER, "2001:db8:99::" + (i + 1), "2001:db8::53", 20));
        }
        host.add(T0 + SECOND, Wire.rarp(VM)).add(T0 + SECOND + 100 * MS, Wire.garp(VM, ip("10.0.10.52")));
        assertThat(Analyses.of(dir, host).only(FindingCode.IPV6_NOT_ANNOUNCED).message())
                .contains("2001:db8:99::1, 2001:db8:99::2").contains("2001:db8:99::8");
    }

    @Test
    void aDadProbeForAnAddressAnotherMacAdvertisesIsAConflict() throws IOException {
        String address = "2001:db8:10::77";
        Trace t = new Trace()
                .add(T0, Wire.na(OTHER, OTHER, "fe80::2", Wire.ALL_NODES, address, false, false, true))
                .add(T0 + 2 * SECOND, Wire.dadProbe(VM, address))
                .add(T0 + 2 * SECOND + 3 * MS, Wire.na(OTHER, OTHER, address, Wire.ALL_NODES, address, false, false,
                        true));
        Analyses a = Analyses.of(dir, t);
        Finding f = a.only(FindingCode.DAD_CONFLICT);
        assertThat(f.mac()).isEqualTo(VM);
        assertThat(f.ipv6()).isEqualTo(address);
        assertThat(f.frames()).containsExactly(0, 1, 2);
        assertThat(f.message()).contains("00:50:56:9d:00:02 advertised it at frame 1 and defended it at frame 3");        // the defence goes to all nodes with Solicited clear, as an announcement does, but announces no move: only
        // the holder's own announcement at frame 1 is an event
        assertThat(a.result.migrations()).hasSize(1);
        assertThat(a.result.migrations().get(0).naFrames()).containsExactly(0);
        assertThat(a.result.classOf(2)).isEqualTo(FrameClass.NA_UNSOLICITED);
    }

    @Test
    void dadOfAFreshAddressOrOfOnesOwnIsNoConflict() throws IOException {
        Trace fresh = new Trace()
                .add(T0, Wire.dadProbe(VM, VM_V6))
                .add(T0 + SECOND, Wire.unsolicitedNa(VM, VM_V6));
        assertThat(Analyses.of(dir, fresh).codes()).doesNotContain(FindingCode.DAD_CONFLICT);
        // the VM itself advertised the address before probing it again (a link flap after a move)
        Trace own = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + SECOND, Wire.dadProbe(VM, VM_V6));
        assertThat(Analyses.of(dir, own).codes()).doesNotContain(FindingCode.DAD_CONFLICT);
        // another MAC held it long ago, and nobody defends it now
        Trace old = new Trace()
                .add(T0, Wire.na(OTHER, OTHER, "fe80::2", Wire.ALL_NODES, VM_V6, false, false, true))
                .add(T0 + 120 * SECOND, Wire.dadProbe(VM, VM_V6));
        assertThat(Analyses.of(dir, old).codes()).doesNotContain(FindingCode.DAD_CONFLICT);
    }

    @Test
    void twoMacsAdvertisingOneAddressAreADuplicate() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + SECOND, Wire.na(OTHER, OTHER, "fe80::2", ROUTER_LL, VM_V6, false, true, true))
                .add(T0 + 2 * SECOND, Wire.unsolicitedNa(VM, VM_V6));
        Finding f = Analyses.of(dir, t).only(FindingCode.DUPLICATE_IPV6);
        assertThat(f.ipv6()).isEqualTo(VM_V6);
        assertThat(f.mac()).isEqualTo(OTHER);
        assertThat(f.frames()).containsExactly(0, 1, 2);
    }

    @Test
    void aFloodOfAdvertisementsFromThousandsOfMacsIsOneDuplicateNamingTheFirstPairAndCountingTheRest()
            throws IOException {
        // NA spoofing tools advertise one address from a new MAC each time: one finding, not one per pair of MACs
        Trace t = new Trace();
        int macs = 3_000;
        for (int i = 0; i < macs; i++) {
            t.add(T0 + i * 100_000L, Wire.unsolicitedNa(0x0200_0000_0000L + i, VM_V6));
        }
        Finding f = Analyses.of(dir, t).only(FindingCode.DUPLICATE_IPV6);
        assertThat(f.ipv6()).isEqualTo(VM_V6);
        assertThat(f.frames()).hasSize(AddressClaims.MAX_FRAMES).startsWith(0, 1, 2);
        assertThat(f.message()).startsWith("MACs 02:00:00:00:00:00 (frame 1) and 02:00:00:00:00:01 (frame 2), and "
                + "02:00:00:00:00:02, 02:00:00:00:00:03 and " + (macs - 4) + " more MACs after them advertised");
    }

    @Test
    void aVmAnsweringForManyAddressesIsAProxyWhoseAdvertisementsAreNotItsOwnAddresses() throws IOException {
        // a virtual router or proxy-ND VM: solicited replies for 20 addresses, then it moves (RARP) and says
        // nothing over IPv6: not a VM that failed to announce its own addresses
        Trace t = new Trace();
        for (int i = 0; i < 20; i++) {
            t.add(T0 + i * SECOND, Wire.na(VM, VM, VM_LL, ROUTER_LL, "2001:db8:99::" + (i + 1), false, true, true));
        }
        t.add(T0 + 40 * SECOND, Wire.rarp(VM));
        assertThat(Analyses.of(dir, t).codes()).doesNotContain(FindingCode.IPV6_NOT_ANNOUNCED);
        // the same VM with two addresses of its own is held to them
        Trace own = new Trace();
        for (int i = 0; i < 2; i++) {
            own.add(T0 + i * SECOND, Wire.na(VM, VM, VM_LL, ROUTER_LL, "2001:db8:99::" + (i + 1), false, true, true));
        }
        own.add(T0 + 40 * SECOND, Wire.rarp(VM));
        assertThat(Analyses.of(dir, own).codes()).contains(FindingCode.IPV6_NOT_ANNOUNCED);
    }

    @Test
    void proxiesRoutersAndAddressesThatMovedAreNoDuplicate() throws IOException {
        // a router's proxy advertisement (Override clear) beside the host's own
        Trace proxy = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + SECOND, Wire.na(ROUTER, ROUTER, ROUTER_LL, VM_LL, VM_V6, true, true, false));
        assertThat(Analyses.of(dir, proxy).codes()).doesNotContain(FindingCode.DUPLICATE_IPV6);
        // the address went to another MAC a minute later
        Trace moved = new Trace()
                .add(T0, Wire.unsolicitedNa(VM, VM_V6))
                .add(T0 + 60 * SECOND, Wire.unsolicitedNa(OTHER, VM_V6));
        assertThat(Analyses.of(dir, moved).codes()).doesNotContain(FindingCode.DUPLICATE_IPV6);
        // ordinary neighbour discovery: solicitations and a router's solicited replies with R set
        Trace ordinary = new Trace()
                .add(T0, Wire.ns(VM, VM_LL, Wire.solicitedNode(ROUTER_LL), ROUTER_LL, VM))
                .add(T0 + MS, Wire.na(ROUTER, ROUTER, ROUTER_LL, VM_LL, ROUTER_LL, true, true, true))
                .add(T0 + SECOND, Wire.ns(ROUTER, ROUTER_LL, VM_LL, VM_LL, ROUTER))
                .add(T0 + SECOND + MS, Wire.na(VM, VM, VM_LL, ROUTER_LL, VM_LL, false, true, true));
        assertThat(Analyses.of(dir, ordinary).codes()).isEmpty();
    }

    @Test
    void anUnsolicitedNaWithoutOverrideAfterAMoveIsFound() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.rarp(VM))
                .add(T0 + 100 * MS, Wire.garp(VM, ip("10.0.10.52")))
                .add(T0 + 150 * MS, Wire.na(VM, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, false));
        Analyses a = Analyses.of(dir, t);
        Finding f = a.only(FindingCode.NA_WITHOUT_OVERRIDE);
        assertThat(f.frames()).containsExactly(2);
        assertThat(f.ipv6()).isEqualTo(VM_V6);
        assertThat(a.result.migrations().get(0).naFrames()).containsExactly(2);
        assertThat(a.result.classOf(2)).isEqualTo(FrameClass.NA_UNSOLICITED_NO_OVERRIDE);
    }

    @Test
    void anNaWhoseOptionNamesAnotherMacIsASenderMismatch() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.na(OTHER, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, true))
                .add(T0 + MS, Wire.na(OTHER, VM, VM_LL, Wire.ALL_NODES, VM_V6, false, false, true));
        Finding f = Analyses.of(dir, t).only(FindingCode.NA_SENDER_MISMATCH);
        assertThat(f.mac()).isEqualTo(VM);
        assertThat(f.frames()).containsExactly(0, 1);
        assertThat(f.message()).contains("Ethernet source 00:50:56:9d:00:02").contains("frames 1-2");
        // no option, or the option naming the source: nothing
        Trace fine = new Trace()
                .add(T0, Wire.na(OTHER, -1, "fe80::2", Wire.ALL_NODES, VM_V6, false, false, true))
                .add(T0 + MS, Wire.unsolicitedNa(VM, "2001:db8:10::53"));
        assertThat(Analyses.of(dir, fine).codes()).doesNotContain(FindingCode.NA_SENDER_MISMATCH);
    }

    @Test
    void aHostThatProbedItsAddressBeforeAnnouncingCameUp() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.dadProbe(VM, VM_V6))
                .add(T0 + SECOND, Wire.unsolicitedNa(VM, VM_V6));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).isEmpty();
        Finding f = a.only(FindingCode.HOST_CAME_UP);
        assertThat(f.message()).contains("duplicate address detection").contains("1 unsolicited Neighbor Advertisement");
    }

    @Test
    void neighbourDiscoveryTheTapCannotReadIsReadAgainNotLost() throws IOException {
        // a Linux cooked capture: the tap's fast path takes Ethernet only, so it leaves these frames to be read again
        Path file = dir.resolve("sll.pcap");
        byte[][] frames = {Wire.rarp(VM), Wire.unsolicitedNa(VM, VM_V6), Wire.unsolicitedNa(VM, VM_LL)};
        dev.cutover.capture.AtomicFiles.write(file, out -> {
            try (dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(out,
                    dev.cutover.capture.LinkTypes.LINUX_SLL, 262144, false)) {
                for (int i = 0; i < frames.length; i++) {
                    byte[] sll = cooked(frames[i]);
                    w.write(T0 + i * 100 * MS, sll, 0, sll.length, sll.length);
                }
            }
        });
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE, tap)) {
            AnalysisResult r = MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE, tap);
            assertThat(tap.readAgain()).isEqualTo(3);
            assertThat(r.classOf(1)).isEqualTo(FrameClass.NA_UNSOLICITED);
            assertThat(r.migrations()).hasSize(1);
            assertThat(r.migrations().get(0).ipv6s()).containsExactly(VM_V6, VM_LL);
            assertThat(r.migrations().get(0).rarpToNaNanos().getAsLong()).isEqualTo(100 * MS);
        }
    }

    @Test
    void partsReadTheSameNeighbourDiscoveryAndSourcesAsOneReading() throws IOException {
        // NAs, DAD probes and IPv6 traffic from hosts and from a router's MAC, spread over the whole capture
        Trace t = new Trace();
        for (int i = 0; i < 3_000; i++) {
            long time = T0 + i * MS;
            long host = 0x0050_569e_0000L | (i % 40);
            switch (i % 6) {
                case 0 -> t.add(time, Wire.unsolicitedNa(host, "2001:db8:5::" + Integer.toHexString(i % 40 + 1), 10));
                case 1 -> t.add(time, Wire.dadProbe(host, "2001:db8:6::" + Integer.toHexString(i % 97 + 1)));
                case 2 -> t.add(time, Wire.udp6(host, ROUTER, "2001:db8:5::" + Integer.toHexString(i % 40 + 1),
                        "2001:db8::53", 10));
                case 3 -> t.add(time, Wire.udp6(ROUTER, host, "2001:db8:77::" + Integer.toHexString(i),
                        "2001:db8:5::1", 10));
                default -> t.add(time, Wire.garp(host, ip("10.0.0." + (i % 40 + 1))));
            }
        }
        Path file = dir.resolve("parts.pcap");
        t.pcap(file);
        try (Capture c = Capture.open(file)) {
            ArpFrames one = ArpScanner.scan(c, LoadMonitor.NONE, 1);
            ArpFrames three = ArpScanner.scan(c, LoadMonitor.NONE, 3);
            assertThat(ArpRowsDiff.rows(three, one, "one part")).isNull();
            assertThat(one.v6Sources.isRouter(ROUTER)).isTrue();
            assertThat(one.v6Sources.isRouter(0x0050_569e_0001L)).isFalse();
            assertThat(one.count).isEqualTo(2_000);
        }
    }

    /** An Ethernet frame as Linux's cooked capture (v1) shows it: sent by us, the source MAC, the EtherType. */
    private static byte[] cooked(byte[] ethernet) {
        byte[] sll = new byte[16 + ethernet.length - 14];
        sll[1] = 4;
        sll[3] = 1;
        sll[5] = 6;
        System.arraycopy(ethernet, 6, sll, 6, 6);
        System.arraycopy(ethernet, 12, sll, 14, 2);
        System.arraycopy(ethernet, 14, sll, 16, ethernet.length - 14);
        return sll;
    }

    private static Trace sorted(Trace a, Trace b) {
        Trace out = new Trace();
        java.util.List<Trace.Frame> all = new java.util.ArrayList<>(a.frames());
        all.addAll(b.frames());
        all.sort(java.util.Comparator.comparingLong(Trace.Frame::timeNanos));
        for (Trace.Frame f : all) {
            out.add(f.timeNanos(), f.iface(), f.bytes());
        }
        return out;
    }
}
