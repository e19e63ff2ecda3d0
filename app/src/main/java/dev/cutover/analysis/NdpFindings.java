package dev.cutover.analysis;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Vendors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules over IPv6 neighbour discovery, IPv6's ARP: the same questions the ARP rules ask (is an address
 * claimed twice, did the moved VM announce itself, does the announcement name its sender), asked of Neighbor
 * Solicitations and Advertisements. Ordinary neighbour discovery (solicited replies, routers' advertisements, a
 * fresh address's duplicate address detection that nobody answers) raises nothing.
 */
final class NdpFindings {
    private final AnalysisConfig config;
    private final ArpFrames arp;
    private final List<Finding> found = new ArrayList<>();

    NdpFindings(AnalysisConfig config, ArpFrames arp) {
        this.config = config;
        this.arp = arp;
    }

    List<Finding> found() {
        return found;
    }

    /** An advertisement with Override: what claims an address for a MAC, as an ARP reply does. */
    private boolean isClaim(int r) {
        return arp.classOf(r).isNa() && (arp.ndFlags[r] & ArpFrames.ND_OVERRIDE) != 0 && unicast(arp.ndMac(r));
    }

    private static boolean unicast(long mac) {
        return mac > 0 && ((mac >>> 40) & 1) == 0;
    }

    // ---- across the capture ----

    /** The rules that need no migration events. */
    void acrossCapture() {
        if (arp.ndFlags == null) {
            return;
        }
        duplicates();
        dadConflicts();
        senderMismatches();
    }

    /** A finding names at most this many MACs in its sentence; the rest are counted. */
    private static final int MACS_NAMED = 4;

    /**
     * Two MACs advertising one target with Override within the correlation window of each other: one finding per
     * address, naming the MACs that did (the first pair in full, others counted past {@link #MACS_NAMED}) and their
     * advertisements of it. Each advertisement is compared with the latest one from another MAC, so a flood of
     * advertisements from thousands of MACs costs one pass, not one per pair.
     */
    private void duplicates() {
        Map<List<Long>, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (isClaim(r)) {
                byTarget.computeIfAbsent(List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]), k -> new ArrayList<>()).add(r);
            }
        }
        long window = config.windowNanos();
        for (List<Integer> rows : byTarget.values()) {
            // the latest advertisement so far and the latest from a MAC other than its own
            int latest = -1;
            int latestOther = -1;
            int firstRow = -1;
            int secondRow = -1;
            java.util.Set<Long> involved = new java.util.LinkedHashSet<>();
            for (int r : rows) {
                long mac = arp.ndMac(r);
                int other = latest >= 0 && arp.ndMac(latest) != mac ? latest : latestOther;
                if (other >= 0 && arp.time[r] - arp.time[other] <= window) {
                    if (secondRow < 0) {
                        firstRow = other;
                        secondRow = r;
                    }
                    involved.add(arp.ndMac(other));
                    involved.add(mac);
                }
                if (latest >= 0 && arp.ndMac(latest) != mac) {
                    latestOther = latest;
                }
                latest = r;
            }
            if (secondRow >= 0) {
                duplicate(rows, involved, firstRow, secondRow);
            }
        }
    }

    private void duplicate(List<Integer> rows, java.util.Set<Long> macs, int firstRow, int secondRow) {
        List<Integer> frames = new ArrayList<>();
        for (int r : rows) {
            if (frames.size() < AddressClaims.MAX_FRAMES && macs.contains(arp.ndMac(r))) {
                frames.add(arp.frame[r]);
            }
        }
        long first = arp.ndMac(firstRow);
        long second = arp.ndMac(secondRow);
        String address = arp.ndTargetText(secondRow);
        List<String> others = new ArrayList<>();
        for (long m : macs) {
            if (m != first && m != second && others.size() < MACS_NAMED - 2) {
                others.add(Addresses.mac(m));
            }
        }
        int more = macs.size() - 2 - others.size();
        String also = others.isEmpty() ? "" : ", and " + String.join(", ", others)
                + (more > 0 ? " and " + more + " more MACs" : "") + " after them";
        add(FindingCode.DUPLICATE_IPV6, second, address, frames,
                "MACs " + Addresses.mac(first) + " (frame " + (arp.frame[firstRow] + 1) + ") and "
                        + Addresses.mac(second) + " (frame " + (arp.frame[secondRow] + 1) + ")" + also
                        + " advertised " + address + " with Override, "
                        + MigrationAnalyzer.ms(arp.time[secondRow] - arp.time[firstRow]) + " apart: two hosts claim "
                        + "the address, or a stale copy of a moved VM still runs on its old host, and neighbours "
                        + "send its traffic to whichever spoke last. Find both MACs in the switches' tables "
                        + "(show mac address-table address " + Addresses.mac(first) + ") and check for a duplicate "
                        + "static address or a VM left running after a failed migration.");
    }

    /**
     * A duplicate address detection probe for an address another MAC advertised (with Override) in the
     * {@link AnalysisConfig#dadLookback()} before it, or defended within the correlation window after it. A probe
     * nobody else claims is a fresh address being checked, as it should be.
     */
    private void dadConflicts() {
        Map<List<Long>, List<Integer>> claims = new HashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (isClaim(r)) {
                claims.computeIfAbsent(List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]), k -> new ArrayList<>()).add(r);
            }
        }
        if (claims.isEmpty()) {
            return;
        }
        long lookback = config.dadLookback().toNanos();
        long window = config.windowNanos();
        Set<List<Long>> reported = new java.util.HashSet<>();
        for (int p = 0; p < arp.count; p++) {
            if (arp.classOf(p) != FrameClass.DAD_PROBE) {
                continue;
            }
            List<Long> target = List.of(arp.ndTargetHi[p], arp.ndTargetLo[p]);
            long prober = arp.ndMac(p);
            int before = -1;
            int after = -1;
            for (int r : claims.getOrDefault(target, List.of())) {
                if (arp.ndMac(r) == prober) {
                    continue;
                }
                long dt = arp.time[r] - arp.time[p];
                if (dt <= 0 && -dt <= lookback) {
                    before = r;
                } else if (dt > 0 && dt <= window && after < 0) {
                    after = r;
                }
            }
            int holder = after >= 0 ? after : before;
            if (holder < 0) {
                continue;
            }
            long owner = arp.ndMac(holder);
            if (!reported.add(List.of(target.get(0), target.get(1), prober, owner))) {
                continue;
            }
            String address = arp.ndTargetText(p);
            List<Integer> frames = new ArrayList<>(List.of(arp.frame[p]));
            if (before >= 0) {
                frames.add(arp.frame[before]);
            }
            if (after >= 0) {
                frames.add(arp.frame[after]);
            }
            String evidence = (before >= 0 ? "advertised it at frame " + (arp.frame[before] + 1) : "")
                    + (before >= 0 && after >= 0 ? " and " : "")
                    + (after >= 0 ? "defended it at frame " + (arp.frame[after] + 1) + ", "
                    + MigrationAnalyzer.ms(arp.time[after] - arp.time[p]) + " after the probe" : "");
            add(FindingCode.DAD_CONFLICT, prober, address, frames,
                    who(prober) + Addresses.mac(prober) + " probed for " + address + " (duplicate address detection, "
                            + "frame " + (arp.frame[p] + 1) + ") while " + Addresses.mac(owner) + " " + evidence
                            + ": the address is taken, so the prober marks it duplicate and goes without it (or, if "
                            + "it missed the answer, both hosts use it). Check the two hosts' static addresses or "
                            + "their DHCPv6/SLAAC configuration, and whether " + Addresses.mac(owner) + " is a copy "
                            + "of the prober left running on another host.");
        }
    }

    /** Advertisements whose target link-layer address option names another MAC than the Ethernet source. */
    private void senderMismatches() {
        Map<List<Long>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r).isNa() && arp.ndLinkAddr[r] >= 0 && arp.ethSrc[r] >= 0
                    && arp.ndLinkAddr[r] != arp.ethSrc[r]) {
                groups.computeIfAbsent(List.of(arp.ethSrc[r], arp.ndLinkAddr[r], arp.ndTargetHi[r], arp.ndTargetLo[r]),
                        k -> new ArrayList<>()).add(r);
            }
        }
        for (List<Integer> rows : groups.values()) {
            int r = rows.get(0);
            long src = arp.ethSrc[r];
            long option = arp.ndLinkAddr[r];
            String address = arp.ndTargetText(r);
            List<Integer> frames = new ArrayList<>();
            for (int x : rows) {
                frames.add(arp.frame[x]);
            }
            add(FindingCode.NA_SENDER_MISMATCH, option, address, frames,
                    frames.size() + (frames.size() == 1 ? " Neighbor Advertisement" : " Neighbor Advertisements")
                            + " for " + address + " from Ethernet source " + Addresses.mac(src) + " name "
                            + Addresses.mac(option) + " as the target link-layer address ("
                            + Findings.frameWords(frames) + "): neighbours will send " + address + "'s traffic to "
                            + Addresses.mac(option) + ", not to the port that sent it. A proxy, a bridge rewriting "
                            + "frames, or spoofing; check what is behind the port where " + Addresses.mac(src)
                            + " is learned.");
        }
    }

    // ---- per migration event ----

    /**
     * The rules over the events: {@code naRows} holds each event's rows of unsolicited Neighbor Advertisements,
     * in the events' order.
     */
    void events(List<MigrationEvent> migrations, List<List<Integer>> naRows) {
        if (arp.ndFlags == null && arp.v6Sources == null) {
            return;
        }
        Map<Long, List<long[]>> before = usedAddresses();
        for (int i = 0; i < migrations.size(); i++) {
            MigrationEvent e = migrations.get(i);
            withoutOverride(e, naRows.get(i));
            notAnnounced(e, naRows.get(i), before.getOrDefault(e.mac(), List.of()));
        }
    }

    private void withoutOverride(MigrationEvent e, List<Integer> rows) {
        List<Integer> frames = new ArrayList<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (int r : rows) {
            if (arp.classOf(r) == FrameClass.NA_UNSOLICITED_NO_OVERRIDE) {
                frames.add(arp.frame[r]);
                addresses.add(arp.ndTargetText(r));
            }
        }
        if (frames.isEmpty()) {
            return;
        }
        add(FindingCode.NA_WITHOUT_OVERRIDE, e.mac(), addresses.iterator().next(), frames,
                who(e.mac()) + Addresses.mac(e.mac()) + " announced " + String.join(", ", addresses) + " after its move "
                        + "(migration " + (e.id() + 1) + ") with unsolicited Neighbor Advertisements that do not set "
                        + "Override (" + Findings.frameWords(frames) + "): a neighbour whose cache holds another "
                        + "link-layer address for it only marks the entry stale and keeps using it (RFC 4861 7.2.5). "
                        + "Check what sent them: a guest's own announcement sets Override; proxies and anycast "
                        + "addresses do not.");
    }

    /**
     * The global addresses each MAC was seen using, with the time and frame first seen: IPv6 source addresses of
     * its frames, and the targets of its advertisements. Each as {hi, lo, time, frame, from traffic (1) or NA (0)}.
     */
    private Map<Long, List<long[]>> usedAddresses() {
        Map<Long, Map<List<Long>, long[]>> byMac = new HashMap<>();
        V6Sources s = arp.v6Sources;
        for (int i = 0; s != null && i < s.size(); i++) {
            if (s.isRouter(s.mac(i))) {
                // a router's sources are its neighbours' traffic: only its own advertisements are its addresses
                continue;
            }
            byMac.computeIfAbsent(s.mac(i), k -> new LinkedHashMap<>())
                    .put(List.of(s.hi(i), s.lo(i)), new long[] {s.hi(i), s.lo(i), s.time(i), s.frame(i), 1});
        }
        for (int r = 0; arp.ndFlags != null && r < arp.count; r++) {
            if (!arp.classOf(r).isNa() || !V6Sources.isGlobal(arp.ndTargetHi[r]) || arp.ndMac(r) < 0) {
                continue;
            }
            Map<List<Long>, long[]> m = byMac.computeIfAbsent(arp.ndMac(r), k -> new LinkedHashMap<>());
            List<Long> key = List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]);
            long[] seen = m.get(key);
            if (seen == null || seen[2] > arp.time[r]) {
                m.put(key, new long[] {arp.ndTargetHi[r], arp.ndTargetLo[r], arp.time[r], arp.frame[r], 0});
            }
        }
        Map<Long, List<long[]>> out = new HashMap<>();
        byMac.forEach((mac, m) -> {
            List<long[]> used = new ArrayList<>(m.values());
            // a MAC advertising more than a host's share of addresses answers for others (a router, a proxy):
            // its advertisements are not addresses of its own, as its many sources are not
            if (used.stream().filter(u -> u[4] == 0).count() > V6Sources.PER_MAC_LIMIT) {
                used.removeIf(u -> u[4] == 0);
            }
            if (!used.isEmpty()) {
                out.put(mac, used);
            }
        });
        return out;
    }

    /**
     * A VM (an event with the hypervisor's RARP, or a hypervisor vendor's MAC) that used global IPv6 addresses
     * before the move and did not advertise them in the event.
     */
    private void notAnnounced(MigrationEvent e, List<Integer> rows, List<long[]> used) {
        if (used.isEmpty() || !(e.hasRarp() || Vendors.isVmware(e.mac()) || Vendors.isHyperV(e.mac())
                || Vendors.isQemu(e.mac()))) {
            return;
        }
        long start = e.firstTime();
        List<long[]> before = new ArrayList<>();
        for (long[] u : used) {
            if (u[2] < start) {
                before.add(u);
            }
        }
        Set<List<Long>> announced = new java.util.HashSet<>();
        for (int r : rows) {
            announced.add(List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]));
        }
        List<String> missing = new ArrayList<>();
        TreeSet<Integer> frames = new TreeSet<>();
        for (long[] u : before) {
            if (!announced.contains(List.of(u[0], u[1]))) {
                missing.add(ArpFrames.ipv6Text(u[0], u[1]));
                frames.add((int) u[3]);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        frames.add(e.firstFrame());
        String what = e.hasNa() ? "announced " + String.join(", ", e.ipv6s()) + " but not " + String.join(", ", missing)
                : "sent no unsolicited Neighbor Advertisement for " + String.join(", ", missing);
        String announcedV4 = e.hasGarp() ? " (its gratuitous ARP announced IPv4 only)" : "";
        add(FindingCode.IPV6_NOT_ANNOUNCED, e.mac(), missing.get(0), new ArrayList<>(frames),
                who(e.mac()) + Addresses.mac(e.mac()) + " used " + String.join(", ", missing) + " before its move "
                        + "(first at frame " + (frames.first() + 1) + ") but " + what + " within "
                        + Findings.seconds(config.windowNanos()) + " of migration " + (e.id() + 1) + announcedV4
                        + ": neighbours and EVPN ND suppression tables keep the address on the old path until they "
                        + "solicit it again, so the VM is unreachable over IPv6 for a while. Check that the guest "
                        + "sends unsolicited Neighbor Advertisements after a move (Linux: the guest's NIC driver "
                        + "must notify peers, virtio-net guest announce or VMware Tools; ndisc_notify) and that the "
                        + "capture covers the VM's uplink.");
    }

    // ---- words ----

    private void add(FindingCode code, long mac, String ipv6, List<Integer> frames, String message) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(frames));
        found.add(new Finding(code, code.severity(), mac, -1, sorted, message, ipv6));
    }

    private static String who(long mac) {
        String vendor = Vendors.bundled().of(mac);
        return vendor == null ? "MAC " : vendor + " MAC ";
    }
}
