package dev.cutover.analysis;

import dev.cutover.capture.CaptureDamage;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Severity;
import dev.cutover.dissect.Vendors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that turn ARP facts and migration events into findings, each worded for a network engineer. */
final class Findings {
    private final AnalysisConfig config;
    private final ArpFrames arp;
    private final List<String> interfaceNames;
    private final List<Finding> found = new ArrayList<>();
    // the IP each MAC last claimed as an ARP sender, to name a silent VM's address; made when first needed
    private Map<Long, Long> claimedIp;

    Findings(AnalysisConfig config, ArpFrames arp, List<String> interfaceNames) {
        this.config = config;
        this.arp = arp;
        this.interfaceNames = interfaceNames;
    }

    private Long claimedIp(long mac) {
        if (claimedIp == null) {
            claimedIp = new HashMap<>();
            for (int r = 0; r < arp.count; r++) {
                if (isClaim(r)) {
                    claimedIp.put(arp.senderMac[r], arp.senderIp[r]);
                }
            }
        }
        return claimedIp.get(mac);
    }

    /** The findings so far, in the order found. */
    List<Finding> found() {
        return found;
    }

    /** These findings and {@code more}, errors first, then by the first frame they name. */
    List<Finding> sorted(List<Finding> more) {
        List<Finding> l = new ArrayList<>(found);
        l.addAll(more);
        l.sort(Finding.ORDER);
        return l;
    }

    private void add(FindingCode code, long mac, long ip, List<Integer> frames, String message) {
        add(code, code.severity(), mac, ip, frames, message);
    }

    private void add(FindingCode code, Severity severity, long mac, long ip, List<Integer> frames, String message) {
        found.add(new Finding(code, severity, mac, ip,
                ascending(frames) ? frames : new ArrayList<>(new java.util.TreeSet<>(frames)), message));
    }

    /** True when every number is above the one before it (no duplicates). */
    private static boolean ascending(List<Integer> frames) {
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i - 1) >= frames.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** An ARP sender claiming its address: replies, requests and GARP, not probes (they claim nothing). */
    private boolean isClaim(int r) {
        FrameClass c = arp.classOf(r);
        return (c == FrameClass.ARP_REQUEST || c == FrameClass.ARP_REPLY || c.isGratuitous())
                && arp.senderMac[r] >= 0 && arp.senderIp[r] > 0;
    }

    // ---- capture-level ----

    void truncated(List<CaptureDamage> damages) {
        for (CaptureDamage d : damages) {
            add(FindingCode.TRUNCATED_CAPTURE, -1, -1, List.of(),
                    d.file() + " could not be read to its end: " + d.reason() + " (its frame " + d.frameNumber()
                            + ", byte " + d.byteOffset() + "). What follows is missing from this analysis, so an "
                            + "announcement there cannot be seen; copy the file again whole, or stop the capture "
                            + "before copying it.");
        }
    }

    void noArp(boolean anyRarp) {
        if (anyRarp) {
            add(FindingCode.NO_ARP_FRAMES, -1, -1, List.of(),
                    "The capture holds RARP but no ARP frames: it was probably filtered to EtherType 0x8035 "
                            + "(pktcap-uw --ethtype 0x8035), so whether the guests sent gratuitous ARP cannot be told "
                            + "from it and none is reported missing. Capture without the filter to see both.");
        } else {
            add(FindingCode.NO_ARP_FRAMES, -1, -1, List.of(),
                    "The capture holds no ARP or RARP frames, so nothing in it announces a migration. Capture on "
                            + "the uplink while the VM moves, without a filter that drops EtherTypes 0x0806 and "
                            + "0x8035.");
        }
    }

    // ---- per migration event ----

    /**
     * The rules over one event; {@code garpRows} are the rows of its announcements, gratuitous ARP and unsolicited
     * Neighbor Advertisements.
     */
    void event(MigrationEvent e, List<Integer> garpRows, boolean anyArp) {
        String mac = null;
        List<Integer> eventFrames = null;
        // an IPv6-only guest announces with NA alone: missing GARP matters only for a MAC known to use IPv4
        if (e.hasRarp() && !e.hasGarp() && anyArp && e.rarp().pattern() != BurstPattern.FAILOVER
                && !(e.hasNa() && claimedIp(e.mac()) == null)) {
            Long ip = claimedIp(e.mac());
            mac = Addresses.mac(e.mac());
            add(FindingCode.RARP_WITHOUT_GARP, e.mac(), ip == null ? -1 : ip, e.rarp().frames(),
                    who(e.mac()) + mac + (ip == null ? "" : " (" + Addresses.ipv4(ip) + ", as it said in ARP "
                            + "elsewhere in the capture)") + " was announced by RARP (" + e.rarp().count() + " frames, "
                            + e.rarp().pattern().label() + ") but no gratuitous ARP from it followed within "
                            + seconds(config.correlationWindow().toNanos()) + ": the switches learned the MAC's new "
                            + "port, but nothing told the network its IP moved. A silent VM stays unreachable "
                            + "behind EVPN ARP suppression or stale ARP caches until it sends traffic; check that the "
                            + "guest announces itself after a move (VMware Tools or open-vm-tools running, virtio-net "
                            + "guest announce) and that the capture covers the uplink the guest uses.");
        }
        if (!e.hasRarp() && e.hasGarp()) {
            garpWithoutRarp(e, Addresses.mac(e.mac()));
        }
        if (e.hasRarp() && (e.hasGarp() || e.hasNa()) && !oneStack(e, garpRows)) {
            mac = Addresses.mac(e.mac());
            Set<Long> rarpStacks = new LinkedHashSet<>();
            for (int f : e.rarp().frames()) {
                rarpStacks.add(arp.vlans[arp.rowOf(f)]);
            }
            Set<Long> garpStacks = new LinkedHashSet<>();
            for (int r : garpRows) {
                garpStacks.add(arp.vlans[r]);
            }
            if (!rarpStacks.equals(garpStacks)) {
                eventFrames = e.frames();
                add(FindingCode.VLAN_MISMATCH, e.mac(), e.ips().isEmpty() ? -1 : e.ips().get(0),
                        eventFrames, "MAC " + mac + " was announced by RARP on " + vlanWords(rarpStacks)
                                + " but its " + (e.hasGarp() ? "gratuitous ARP" : "Neighbor Advertisements")
                                + " came on " + vlanWords(garpStacks) + ": the destination "
                                + "host's port group is on a different VLAN from the guest's network, so the VM "
                                + "lands on the wrong VLAN after the move. Compare the port group VLAN IDs on the "
                                + "source and destination hosts and the VLANs the physical trunk allows.");
            }
        }
        if (e.interfaces().size() > 1) {
            mac = mac != null ? mac : Addresses.mac(e.mac());
            List<String> names = new ArrayList<>();
            for (int i : e.interfaces()) {
                names.add(interfaceNames.get(i));
            }
            add(FindingCode.MAC_ON_MULTIPLE_INTERFACES, e.mac(),
                    e.ips().isEmpty() ? -1 : e.ips().get(0), eventFrames != null ? eventFrames : e.frames(),
                    "MAC " + mac + " was announced on " + String.join(" and ", names) + " in the same migration: the "
                            + "physical switches see it move between ports (MAC flapping). Check the teaming "
                            + "policy: a VM's traffic should leave by one uplink, and with 'Route based on IP hash' "
                            + "the uplinks must form one port channel on the switch.");
        }
    }

    /** True when the event's RARP and gratuitous ARP frames all have one VLAN tag stack (most events). */
    private boolean oneStack(MigrationEvent e, List<Integer> garpRows) {
        if (garpRows.isEmpty()) {
            return false;
        }
        long stack = arp.vlans[garpRows.get(0)];
        for (int r : garpRows) {
            if (arp.vlans[r] != stack) {
                return false;
            }
        }
        for (int f : e.rarp().frames()) {
            if (arp.vlans[arp.rowOf(f)] != stack) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each MAC announced in one event on some interfaces and in a later event only on others: the switches
     * learned it on one port, then on another.
     */
    void movedBetweenInterfaces(List<MigrationEvent> migrations) {
        Map<Long, MigrationEvent> last = new HashMap<>();
        for (MigrationEvent e : migrations) {
            MigrationEvent before = last.put(e.mac(), e);
            if (before == null || !java.util.Collections.disjoint(before.interfaces(), e.interfaces())) {
                continue;
            }
            List<Integer> frames = new ArrayList<>(List.of(before.firstFrame(), e.firstFrame()));
            add(FindingCode.MAC_MOVED_INTERFACE, e.mac(), e.ips().isEmpty() ? -1 : e.ips().get(0),
                    frames, who(e.mac()) + Addresses.mac(e.mac()) + " was announced on " + names(before.interfaces())
                            + " (migration " + (before.id() + 1) + ", frame " + (before.firstFrame() + 1)
                            + ") and again on " + names(e.interfaces()) + " " + seconds(e.firstTime()
                            - before.firstTime()) + " later (migration " + (e.id() + 1) + ", frame "
                            + (e.firstFrame() + 1) + "): it moved between uplinks, by a second migration or a "
                            + "teaming failover. Check that the physical switches now have it on the port of "
                            + names(e.interfaces()) + " (show mac address-table address " + Addresses.mac(e.mac())
                            + ").");
        }
    }

    private String names(List<Integer> interfaces) {
        List<String> out = new ArrayList<>();
        for (int i : interfaces) {
            out.add(interfaceNames.get(i));
        }
        return String.join(" and ", out);
    }

    /**
     * A MAC that came up on the network (a boot, a new lease) rather than moved: its gratuitous ARP is shown as a
     * note, not as a migration, so it raises no garp-without-rarp.
     */
    void hostCameUp(MigrationEvent e, String how) {
        List<String> addresses = new ArrayList<>();
        for (long ip : e.ips()) {
            addresses.add(Addresses.ipv4(ip));
        }
        addresses.addAll(e.ipv6s());
        String ips = addresses.isEmpty() ? "" : " as " + String.join(", ", addresses);
        List<String> said = new ArrayList<>();
        if (e.hasGarp()) {
            said.add(e.garpFrames().size() + " gratuitous ARP (" + frameWords(e.garpFrames()) + ")");
        }
        if (e.hasNa()) {
            said.add(e.naFrames().size() + " unsolicited Neighbor Advertisement" + (e.naFrames().size() == 1 ? "" : "s")
                    + " (" + frameWords(e.naFrames()) + ")");
        }
        List<Integer> frames = new ArrayList<>(e.garpFrames());
        frames.addAll(e.naFrames());
        add(FindingCode.HOST_CAME_UP, e.mac(), e.ips().isEmpty() ? -1 : e.ips().get(0),
                frames, who(e.mac()) + Addresses.mac(e.mac()) + " came up" + ips + ": " + how + ", then "
                        + join(said) + ". A host booting or taking a new address announces itself this way; a "
                        + "migrated VM keeps its address and neither asks DHCP nor probes, so this is not counted as "
                        + "a migration.");
    }

    /** A MAC's gratuitous ARP on a clock (rows of all its beats, the median interval): a keep-alive. */
    void keepAlive(long mac, List<Integer> rows, long intervalNanos) {
        List<Integer> frames = new ArrayList<>(rows.size());
        java.util.Set<Long> ips = new java.util.LinkedHashSet<>();
        for (int r : rows) {
            frames.add(arp.frame[r]);
            ips.add(arp.senderIp[r]);
        }
        frames.sort(null);
        List<String> words = new ArrayList<>();
        for (long ip : ips) {
            words.add(Addresses.ipv4(ip));
        }
        add(FindingCode.GARP_KEEPALIVE, mac, ips.isEmpty() ? -1 : ips.iterator().next(), frames,
                who(mac) + Addresses.mac(mac) + " repeats its gratuitous ARP for " + join(words) + " every "
                        + dev.cutover.text.BriefDuration.of(intervalNanos) + " (" + frameWords(frames)
                        + "), on one uplink "
                        + "and never with a RARP: a keep-alive (an access point, a router or keepalived refreshing "
                        + "its neighbours' caches), so these announcements are not counted as migrations.");
    }

    private void garpWithoutRarp(MigrationEvent e, String mac) {
        String ips = e.ips().isEmpty() ? "" : " (" + ipList(e.ips()) + ")";
        long ip = e.ips().isEmpty() ? -1 : e.ips().get(0);
        String window = seconds(config.correlationWindow().toNanos());
        if (Vendors.isVmware(e.mac())) {
            add(FindingCode.GARP_WITHOUT_RARP, Severity.WARNING, e.mac(), ip, e.garpFrames(),
                    "VMware MAC " + mac + ips + " announced itself by gratuitous ARP with no RARP from the host "
                            + "within " + window + ": the guest moved or came up, but the ESXi host did not notify "
                            + "the switches, so Notify Switches is probably set to No. Check the teaming and "
                            + "failover policy of the destination port group (or whether this capture was filtered "
                            + "to ARP only).");
        } else if (Vendors.isHyperV(e.mac())) {
            add(FindingCode.GARP_WITHOUT_RARP, e.mac(), ip, e.garpFrames(),
                    "Hyper-V MAC " + mac + ips + " announced by gratuitous ARP with no RARP: expected, as Hyper-V "
                            + "live migration announces a VM with gratuitous ARP, never RARP.");
        } else if (Vendors.isQemu(e.mac())) {
            add(FindingCode.GARP_WITHOUT_RARP, e.mac(), ip, e.garpFrames(),
                    "QEMU/KVM MAC " + mac + ips + " announced itself by gratuitous ARP with no RARP within " + window
                            + ": QEMU's announce-self sends RARP after a live migration, so this was probably the "
                            + "guest alone (an address change, a reboot), or the RARP left by an uplink not in "
                            + "the capture.");
        } else {
            add(FindingCode.GARP_WITHOUT_RARP, e.mac(), ip, e.garpFrames(),
                    "MAC " + mac + ips + " announced itself by gratuitous ARP with no RARP: a guest-driven move, "
                            + "an address taken over (VRRP, keepalived, a cluster IP) or a host coming up; no "
                            + "hypervisor notification goes with it.");
        }
    }

    // ---- across the capture ----

    void senderMismatches() {
        Map<List<Long>, List<Integer>> pairs = new LinkedHashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if ((arp.flags[r] & ArpFrames.MISMATCH) != 0) {
                pairs.computeIfAbsent(List.of(arp.ethSrc[r], arp.senderMac[r], arp.senderIp[r]),
                        k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<List<Long>, List<Integer>> e : pairs.entrySet()) {
            long src = e.getKey().get(0);
            long sha = e.getKey().get(1);
            long ip = e.getKey().get(2);
            List<Integer> frames = frames(e.getValue());
            String ipWords = ip >= 0 ? " for " + Addresses.ipv4(ip) : "";
            if (userModeNat(src, sha)) {
                add(FindingCode.SENDER_MAC_MISMATCH, Severity.NOTE, sha, ip, frames,
                        frames.size() + (frames.size() == 1 ? " ARP frame" : " ARP frames") + " from Ethernet source "
                                + Addresses.mac(src) + " name " + Addresses.mac(sha) + " as the sender MAC" + ipWords
                                + " (" + frameWords(frames) + "): both are addresses of QEMU's or VirtualBox's "
                                + "user-mode NAT (52:54:00:12:35:xx), whose virtual gateway answers for its DNS and "
                                + "other services this way inside a VM's own network; expected there, not spoofing.");
                continue;
            }
            add(FindingCode.SENDER_MAC_MISMATCH, sha, ip, frames,
                    frames.size() + (frames.size() == 1 ? " ARP frame" : " ARP frames") + " from Ethernet source "
                            + Addresses.mac(src) + " name " + Addresses.mac(sha) + " as the sender MAC" + ipWords
                            + " (" + frameWords(frames) + "): a host sending ARP on behalf of another MAC is "
                            + "spoofing, proxying or bridging, and ARP caches will send "
                            + (ip >= 0 ? Addresses.ipv4(ip) + "'s" : "its") + " traffic to " + Addresses.mac(sha)
                            + ", not to the port that sent it. Check what is behind the port where "
                            + Addresses.mac(src) + " is learned.");
        }
    }

    /**
     * QEMU's slirp and VirtualBox's NAT give their virtual gateway, DNS and other services the MACs
     * 52:54:00:12:35:00 to :ff and answer ARP for one from another: both addresses in that block.
     */
    static boolean userModeNat(long ethSource, long senderMac) {
        long block = 0x5254_0012_35L;
        return ethSource >>> 8 == block && senderMac >>> 8 == block;
    }

    void rarpNotBroadcast() {
        Map<List<Long>, List<Integer>> byMac = new LinkedHashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) == FrameClass.RARP_REQUEST && arp.dest[r] == ArpFrames.DEST_OTHER
                    && MigrationAnalyzer.isUnicastNic(arp.announcedMac(r))) {
                byMac.computeIfAbsent(List.of(arp.announcedMac(r), arp.ethDst[r]), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<List<Long>, List<Integer>> e : byMac.entrySet()) {
            long mac = e.getKey().get(0);
            long dst = e.getKey().get(1);
            List<Integer> frames = frames(e.getValue());
            String to = dst >= 0 ? Addresses.mac(dst) : "one host";
            add(FindingCode.RARP_NOT_BROADCAST, mac, -1, frames,
                    "RARP announcing " + Addresses.mac(mac) + " was sent to " + to + ", not to broadcast ("
                            + frameWords(frames) + "): only the switches on the way to " + to + " learn the MAC's "
                            + "new port, the rest keep sending its traffic to the old one. Check what sent it, and "
                            + "whether something between it and the capture point rewrites the destination.");
        }
    }

    void storms() {
        int[] requests = new int[arp.count];
        int n = 0;
        for (int r = 0; r < arp.count; r++) {
            if (arp.opcode[r] == 1) {
                requests[n++] = r;
            }
        }
        int limit = config.stormRequests();
        long window = config.stormWindow().toNanos();
        int i = 0;
        while (i + limit < n) {
            // more than `limit` requests within the window: request i+limit is at most `window` after request i
            if (arp.time[requests[i + limit]] - arp.time[requests[i]] > window) {
                i++;
                continue;
            }
            int start = i;
            int end = i + limit;
            while (end + 1 < n && arp.time[requests[end + 1]] - arp.time[requests[end + 1 - limit]] <= window) {
                end++;
            }
            storm(requests, start, end + 1, window, limit);
            i = end + 1;
        }
    }

    private void storm(int[] requests, int from, int to, long window, int limit) {
        // requests per sender counted in a primitive table: a storm may hold most of a capture's requests
        LongPairTable bySender = new LongPairTable();
        long top = -1;
        int topCount = 0;
        List<Integer> frames = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            int r = requests[k];
            int c = bySender.add(arp.senderMac[r], 0, 1) + 1;
            if (c > topCount) {
                top = arp.senderMac[r];
                topCount = c;
            }
            frames.add(arp.frame[r]);
        }
        long span = arp.time[requests[to - 1]] - arp.time[requests[from]];
        add(FindingCode.ARP_STORM, top, -1, frames,
                String.format(java.util.Locale.ROOT, "%,d", to - from) + " ARP requests in " + (span < 1_000_000_000L ? MigrationAnalyzer.ms(span)
                        : dev.cutover.text.BriefDuration.of(span)) + " (" + frameWords(frames)
                        + "), more than " + limit + " within " + MigrationAnalyzer.ms(window) + " (Wireshark's storm "
                        + "threshold); " + topCount + " of them from " + (top >= 0 ? Addresses.mac(top) : "no MAC")
                        + ". A bridging loop, a scan, or many hosts refreshing their caches at once after a "
                        + "failover; check spanning tree on the uplinks and what that MAC is.");
    }

    void malformed() {
        for (int r = 0; r < arp.count; r++) {
            int flags = arp.flags[r];
            if ((flags & (ArpFrames.MALFORMED | ArpFrames.SHORT)) == 0) {
                continue;
            }
            boolean cut = (flags & ArpFrames.MALFORMED) == 0;
            String detail = arp.problems.getOrDefault(r, "it ends before its addresses");
            add(FindingCode.MALFORMED_FRAME, cut ? Severity.NOTE : Severity.WARNING, arp.ethSrc[r], -1,
                    List.of(arp.frame[r]), "Frame " + (arp.frame[r] + 1) + " is ARP but cannot be read whole: "
                            + detail + (cut ? ". The capture's snapshot length cut it; capture whole frames to see "
                            + "what it announced." : ". A damaged frame can hide an announcement; if many are like "
                            + "this, check the capture point and the tool that wrote the file."));
        }
    }

    // ---- words ----

    private List<Integer> frames(List<Integer> rows) {
        List<Integer> f = new ArrayList<>(rows.size());
        for (int r : rows) {
            f.add(arp.frame[r]);
        }
        return f;
    }

    private static String who(long mac) {
        String vendor = Vendors.bundled().of(mac);
        return vendor == null ? "MAC " : vendor + " MAC ";
    }

    /**
     * Frames in a sentence, as every finding words them (1-based): "frame 44", "frames 41-47", "frames 3, 9-12 and
     * 40", "frames 9, 15, 19, 32 and 6,655 more" ({@link dev.cutover.text.FrameNumbers#inSentence}).
     */
    static String frameWords(List<Integer> zeroBased) {
        List<Integer> f = ascending(zeroBased) ? zeroBased : new ArrayList<>(new java.util.TreeSet<>(zeroBased));
        return dev.cutover.text.FrameNumbers.inSentence(f);
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String ipList(List<Long> ips) {
        List<String> s = new ArrayList<>();
        for (long ip : ips) {
            s.add(Addresses.ipv4(ip));
        }
        return String.join(", ", s);
    }

    private static String vlanWords(Set<Long> stacks) {
        List<String> s = new ArrayList<>();
        for (long st : stacks) {
            String t = ArpFrames.vlanText(st);
            s.add(t.equals("untagged") ? "no VLAN tag" : "VLAN " + t);
        }
        return join(s);
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return Math.abs(s - Math.rint(s)) < 1e-9 ? Math.round(s) + " s"
                : dev.cutover.text.FixedPoint.of(nanos, 9, 3) + " s";
    }
}
