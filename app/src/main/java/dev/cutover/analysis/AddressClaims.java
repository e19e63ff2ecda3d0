package dev.cutover.analysis;

import dev.cutover.dissect.Addresses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds each IPv4 address, from the address pairs ARP frames state, read as Wireshark's ARP dissector reads
 * them: the sender pair of every request and reply, and the target pair of every reply (an answer tells who asked,
 * at which MAC). From them: Wireshark's duplicate address detection, a conflict (two MACs answering for an address
 * within the correlation window) told from a move and a flip flop (arpwatch's "changed ethernet address" and "flip
 * flop"), and ARP cache poisoning (one MAC claiming, in replies no request asked for, addresses other MACs hold).
 */
final class AddressClaims {
    /** A finding names at most this many frames; its sentence gives the full count. */
    static final int MAX_FRAMES = 100;
    /** Unsolicited claims below this many are not called spoofing: a damaged or stray reply makes one. */
    static final int MIN_POISON_FRAMES = 2;

    private final AnalysisConfig config;
    private final ArpFrames arp;
    // the pairs in frame order, sender side before target side
    private int count;
    private int[] rowOf = new int[64];
    private long[] ipOf = new long[64];
    private long[] macOf = new long[64];
    private boolean[] targetSide = new boolean[64];
    // a gratuitous reply's target pair: the same address as its sender's, so it names no asker and claims nothing
    private boolean[] echo = new boolean[64];
    private final List<Finding> found = new ArrayList<>();
    /** Sorted (address asked for, row) keys of the requests, and (address, pair) keys of the pairs; see spoofing. */
    private long[] requestKeys;
    private long[] pairKeys;
    /** See {@link #pairsByMac()}: made for the first poisoner. */
    private long[] pairsByMac;
    private Numbering macIds;

    AddressClaims(AnalysisConfig config, ArpFrames arp) {
        this.config = config;
        this.arp = arp;
        for (int r = 0; r < arp.count; r++) {
            int op = arp.opcode[r];
            if (op != 1 && op != 2) {
                continue;
            }
            if (unicast(arp.senderMac[r]) && arp.senderIp[r] > 0) {
                pair(r, arp.senderIp[r], arp.senderMac[r], false);
            }
            // target addresses of a request mean nothing (RFC 826); of a reply, they are the asker's
            if (op == 2 && unicast(arp.targetMac[r]) && arp.targetIp[r] > 0) {
                pair(r, arp.targetIp[r], arp.targetMac[r], true);
            }
        }
    }

    /** Neither absent, all zeros, nor a group address (Wireshark's test before it records a pair). */
    private static boolean unicast(long mac) {
        return mac > 0 && ((mac >>> 40) & 1) == 0;
    }

    private void pair(int row, long ip, long mac, boolean target) {
        if (count == rowOf.length) {
            int n = count * 2;
            rowOf = Arrays.copyOf(rowOf, n);
            ipOf = Arrays.copyOf(ipOf, n);
            macOf = Arrays.copyOf(macOf, n);
            targetSide = Arrays.copyOf(targetSide, n);
            echo = Arrays.copyOf(echo, n);
        }
        rowOf[count] = row;
        ipOf[count] = ip;
        macOf[count] = mac;
        targetSide[count] = target;
        echo[count] = target && arp.senderIp[row] == ip;
        count++;
    }

    /**
     * Wireshark's duplicate address reports ({@code arp.duplicate-address-detected}), by frame then sender pair
     * first: packet-arp.c remembers the first MAC of each address (and the last frame, and its second, that repeated
     * it) and reports a later frame whose pair names another MAC; a reply's target pair is not checked when its
     * sender pair was reported for the same address, and Info names the last check's address when that check found
     * one. The first pass keeps its reports by frame and address and the window shows them from there; since a
     * frame's target pair can only be reported for its sender's address when the sender pair was not checked, the
     * window shows what tshark's one pass does.
     */
    List<DuplicateAddress> wiresharkDuplicates() {
        // by address: {first MAC, last frame that gave it that MAC, that frame's second}
        Map<Long, long[]> first = new HashMap<>();
        List<DuplicateAddress> out = new ArrayList<>();
        for (int i = 0; i < count; ) {
            int row = rowOf[i];
            int frame = arp.frame[row];
            long second = seconds(arp.time[row]);
            long duplicateIp = -1;
            boolean detected = false;
            for (; i < count && rowOf[i] == row; i++) {
                if (targetSide[i] && duplicateIp == ipOf[i]) {
                    continue;
                }
                long[] seen = first.get(ipOf[i]);
                detected = false;
                if (seen == null) {
                    first.put(ipOf[i], new long[] {macOf[i], frame, second});
                } else if (frame > seen[1]) {
                    if (seen[0] == macOf[i]) {
                        seen[1] = frame;
                        seen[2] = second;
                    } else {
                        detected = true;
                        duplicateIp = ipOf[i];
                        out.add(new DuplicateAddress(frame, ipOf[i], macOf[i], seen[0], (int) seen[1],
                                (second - seen[2]) & 0xFFFF_FFFFL, false));
                    }
                }
            }
            if (detected) {
                DuplicateAddress last = out.get(out.size() - 1);
                out.set(out.size() - 1, new DuplicateAddress(last.frame(), last.ip(), last.mac(), last.earlierMac(),
                        last.earlierFrame(), last.seconds(), true));
            }
        }
        return out;
    }

    /** The whole seconds of a time in nanoseconds since the epoch (Wireshark's abs_ts.secs). */
    private static long seconds(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L);
    }

    /** The findings: spoofing first found, then per address a conflict, a flip flop or its moves. */
    List<Finding> findings() {
        Set<Long> poisoned = spoofing();
        ownership(poisoned);
        return found;
    }

    // ---- spoofing ----

    /** One MAC's unsolicited claims of one address. */
    private static final class Claim {
        final long ip;
        final List<Integer> rows = new ArrayList<>();

        Claim(long ip) {
            this.ip = ip;
        }
    }

    /** Finds the poisoners and returns the addresses they claimed. */
    private Set<Long> spoofing() {
        // requests by the address they ask for, and address pairs by address: sorted (address, row or pair) keys
        requestKeys = requestKeys();
        long[] p = new long[count];
        for (int i = 0; i < count; i++) {
            p[i] = LongPairTable.key(ipOf[i], i);
        }
        pairKeys = LongPairTable.sorted(p, count);
        LongPairTable shared = sharedAddresses(pairKeys);
        // unsolicited replies, by sender MAC, then by the address they claim
        Map<Long, Map<Long, Claim>> byMac = new LinkedHashMap<>();
        // (MAC, address): how many of its replies a request asked for; (request row, MAC): it answered that one
        LongPairTable answers = new LongPairTable();
        LongPairTable answered = new LongPairTable();
        for (int r = 0; r < arp.count; r++) {
            long mac = arp.senderMac[r];
            long ip = arp.senderIp[r];
            if (arp.opcode[r] != 2 || !unicast(mac) || ip <= 0) {
                continue;
            }
            // an address no other MAC ever states has no other holder to be taken from: most replies, passed over
            // before the boxed maps below (the requests it settles are asked for this address only)
            if (shared.get(ip, 0) == 0) {
                continue;
            }
            boolean gratuitous = ip == arp.targetIp[r];
            if (!gratuitous && solicited(r, answered)) {
                answers.add(mac, ip, 1);
                continue;
            }
            byMac.computeIfAbsent(mac, k -> new LinkedHashMap<>()).computeIfAbsent(ip, Claim::new).rows.add(r);
        }
        Set<Long> poisoned = new HashSet<>();
        for (Map.Entry<Long, Map<Long, Claim>> e : byMac.entrySet()) {
            long mac = e.getKey();
            List<Claim> claims = new ArrayList<>();
            Map<Long, List<Long>> owners = new LinkedHashMap<>();
            // the claimed addresses whose other holders themselves send ARP with them after the first claim
            Set<Long> spoke = new HashSet<>();
            int frames = 0;
            for (Claim c : e.getValue().values()) {
                // the owner answering requests misses one now and then; a poisoner mostly speaks unasked
                if (c.rows.size() <= answers.get(mac, c.ip)) {
                    continue;
                }
                List<Long> o = holdersAfter(c, mac);
                if (!o.isEmpty()) {
                    claims.add(c);
                    owners.put(c.ip, o);
                    frames += c.rows.size();
                    if (holderSpeaksAfter(c, mac)) {
                        spoke.add(c.ip);
                    }
                }
            }
            if (frames >= MIN_POISON_FRAMES) {
                poisoner(mac, claims, owners, spoke);
                for (Claim c : claims) {
                    poisoned.add(c.ip);
                }
            }
        }
        return poisoned;
    }

    /**
     * The addresses stated by more than one MAC in the pairs, as keys (address, 0) of a table: {@code keys} are the
     * pairs' (address, pair) keys, sorted.
     */
    private LongPairTable sharedAddresses(long[] keys) {
        LongPairTable shared = new LongPairTable();
        for (int start = 0, end; start < keys.length; start = end) {
            long ip = keys[start] >>> 32;
            long mac = macOf[(int) keys[start]];
            boolean several = false;
            for (end = start + 1; end < keys.length && keys[end] >>> 32 == ip; end++) {
                several |= macOf[(int) keys[end]] != mac;
            }
            if (several) {
                shared.add(ip, 0, 1);
            }
        }
        return shared;
    }

    /**
     * True when a request from another MAC asked for the reply's address, from the reply's target, at most the
     * correlation window before it, and this MAC had not answered that request yet. A host's own requests solicit
     * nothing from itself: a poisoner relaying between its victims asks them in their names.
     */
    private boolean solicited(int reply, LongPairTable answered) {
        long ip = arp.senderIp[reply];
        long t = arp.time[reply];
        // requests are in frame order: start at the last one before the reply and walk back through the window
        int first = LongPairTable.lowerBound(requestKeys, requestKeys.length, LongPairTable.key(ip, 0));
        int k = LongPairTable.lowerBound(requestKeys, requestKeys.length, LongPairTable.key(ip, reply)) - 1;
        long window = config.windowNanos();
        for (; k >= first; k--) {
            int q = (int) requestKeys[k];
            if (t - arp.time[q] > window) {
                break;
            }
            if (arp.senderMac[q] == arp.senderMac[reply]) {
                continue;
            }
            if ((arp.senderIp[q] == arp.targetIp[reply] || arp.senderMac[q] == arp.targetMac[reply])
                    && answered.add(q, arp.senderMac[reply], 1) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Sorted (address asked for, row) keys of every request with a target address. */
    private long[] requestKeys() {
        long[] keys = new long[arp.count];
        int n = 0;
        for (int r = 0; r < arp.count; r++) {
            if (arp.opcode[r] == 1 && arp.targetIp[r] >= 0) {
                keys[n++] = LongPairTable.key(arp.targetIp[r], r);
            }
        }
        return LongPairTable.sorted(keys, n);
    }

    /**
     * The other MACs that still hold the address once {@code mac} began claiming it (a pair of theirs at or after
     * its first unsolicited claim), in order of appearance: an owner that goes silent is a move, not a victim.
     */
    private List<Long> holdersAfter(Claim c, long mac) {
        Set<Long> holders = new LinkedHashSet<>();
        int firstRow = c.rows.get(0);
        Set<Integer> own = new HashSet<>(c.rows);
        for (int k = LongPairTable.lowerBound(pairKeys, pairKeys.length, LongPairTable.key(c.ip, 0));
             k < pairKeys.length && pairKeys[k] >>> 32 == c.ip; k++) {
            int i = (int) pairKeys[k];
            if (macOf[i] == mac || echo[i] || rowOf[i] < firstRow || (targetSide[i] && own.contains(rowOf[i]))) {
                continue;
            }
            holders.add(macOf[i]);
        }
        return new ArrayList<>(holders);
    }

    /**
     * Whether another holder of the claimed address sends ARP stating it (a sender pair of its own) after the first
     * claim, rather than being known only as the target the replies name.
     */
    private boolean holderSpeaksAfter(Claim c, long mac) {
        int firstRow = c.rows.get(0);
        for (int k = LongPairTable.lowerBound(pairKeys, pairKeys.length, LongPairTable.key(c.ip, 0));
             k < pairKeys.length && pairKeys[k] >>> 32 == c.ip; k++) {
            int i = (int) pairKeys[k];
            if (!targetSide[i] && macOf[i] != mac && !echo[i] && rowOf[i] >= firstRow) {
                return true;
            }
        }
        return false;
    }

    private void poisoner(long mac, List<Claim> claims, Map<Long, List<Long>> owners, Set<Long> spoke) {
        long gateway = gateway(mac, claims);
        List<Claim> ordered = new ArrayList<>(claims);
        if (gateway >= 0) {
            ordered.sort((a, b) -> Boolean.compare(b.ip == gateway, a.ip == gateway));
        }
        List<Integer> rows = new ArrayList<>();
        Set<Long> sources = new LinkedHashSet<>();
        Set<Long> victims = new LinkedHashSet<>();
        List<String> claimWords = new ArrayList<>();
        for (Claim c : ordered) {
            rows.addAll(c.rows);
            for (int r : c.rows) {
                if (arp.ethSrc[r] >= 0 && arp.ethSrc[r] != mac) {
                    sources.add(arp.ethSrc[r]);
                }
                if (arp.targetIp[r] > 0 && arp.targetIp[r] != c.ip) {
                    victims.add(arp.targetIp[r]);
                }
            }
            List<String> o = new ArrayList<>();
            for (long m : owners.get(c.ip)) {
                o.add(Addresses.mac(m));
            }
            claimWords.add(Addresses.ipv4(c.ip) + (c.ip == gateway ? " (probably the gateway; really at "
                    : " (really at ") + join(o) + ")");
        }
        rows.sort(null);
        List<Integer> frames = new ArrayList<>();
        for (int r : rows) {
            if (frames.size() < MAX_FRAMES) {
                frames.add(arp.frame[r]);
            }
        }
        Set<Long> claimed = new HashSet<>();
        for (Claim c : claims) {
            claimed.add(c.ip);
        }
        Set<Long> ownIps = new LinkedHashSet<>();
        if (pairsByMac == null) {
            pairsByMac = pairsByMac();
        }
        long id = macIds.get(mac);
        for (int k = LongPairTable.lowerBound(pairsByMac, pairsByMac.length, LongPairTable.key(id, 0));
             k < pairsByMac.length && pairsByMac[k] >>> 32 == id; k++) {
            int i = (int) pairsByMac[k];
            if (!targetSide[i] && !claimed.contains(ipOf[i])) {
                ownIps.add(ipOf[i]);
            }
        }
        List<String> ownWords = new ArrayList<>();
        for (long ip : ownIps) {
            ownWords.add(Addresses.ipv4(ip));
        }
        List<String> sourceWords = new ArrayList<>();
        for (long s : sources) {
            sourceWords.add(Addresses.mac(s));
        }
        List<String> victimWords = new ArrayList<>();
        for (long v : victims) {
            victimWords.add(Addresses.ipv4(v));
        }
        // the sentence names every reply (four runs written out, the rest counted); the finding keeps the first ones
        List<Integer> every = new ArrayList<>(rows.size());
        for (int r : rows) {
            every.add(arp.frame[r]);
        }
        String frameText = Findings.frameWords(every);
        String who = "MAC " + Addresses.mac(mac) + (ownWords.isEmpty() ? "" : " (" + join(ownWords) + ")");
        found.add(new Finding(FindingCode.ARP_SPOOFING, mac, ordered.get(0).ip, frames,
                who + " is poisoning ARP caches: in " + rows.size() + " ARP "
                        + (rows.size() == 1 ? "reply" : "replies") + " no request asked for (" + frameText + ")"
                        + (sourceWords.isEmpty() ? "" : ", sent from Ethernet source " + join(sourceWords))
                        + ", it claims " + join(claimWords) + (victimWords.isEmpty() ? ""
                        : ", telling " + join(victimWords) + " to send that traffic to it")
                        + ". " + (spoke.size() == claims.size() ? "Those owners still hold their addresses after it "
                        + "starts" : "Those addresses are other hosts' after it starts (its own replies name their "
                        + "owners; " + (spoke.isEmpty() ? "the owners send no ARP in this capture"
                        : "not every owner sends ARP in this capture") + ")")
                        + ", so this is not a move: it "
                        + "is a man in the middle (arpspoof, ettercap) or a host set up to answer for others. "
                        + "Find the port where "
                        + Addresses.mac(mac) + " is learned in the switches' MAC tables, check the victims' ARP "
                        + "caches (arp -a) for its MAC, and turn on Dynamic ARP Inspection where the hosts "
                        + "connect."));
    }

    /**
     * The pairs by MAC: sorted (MAC's number in {@link #macIds}, pair) keys, so that each poisoner's own pairs are
     * found without reading every pair again (a capture may hold hundreds of poisoners and a million pairs).
     */
    private long[] pairsByMac() {
        macIds = new Numbering();
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = LongPairTable.key(macIds.of(macOf[i]), i);
        }
        return LongPairTable.sorted(keys, count);
    }

    /**
     * The claimed address that is probably the gateway: the one most other hosts ask for (at least two), else one
     * ending in .1 or .254, the usual gateway addresses; -1 when none looks like it.
     */
    private long gateway(long poisoner, List<Claim> claims) {
        long best = -1;
        int bestAskers = 1;
        for (Claim c : claims) {
            Set<Long> askers = new HashSet<>();
            for (int k = LongPairTable.lowerBound(requestKeys, requestKeys.length, LongPairTable.key(c.ip, 0));
                 k < requestKeys.length && requestKeys[k] >>> 32 == c.ip; k++) {
                int q = (int) requestKeys[k];
                if (arp.senderMac[q] != poisoner) {
                    askers.add(arp.senderMac[q]);
                }
            }
            if (askers.size() > bestAskers) {
                best = c.ip;
                bestAskers = askers.size();
            }
        }
        if (best >= 0) {
            return best;
        }
        for (Claim c : claims) {
            long last = c.ip & 0xFF;
            if (last == 1 || last == 254) {
                return c.ip;
            }
        }
        return -1;
    }

    // ---- conflicts, moves, flip flops ----

    /** One change of the MAC behind an address. */
    private record Change(int frame, long from, long to, long gapNanos, int fromFrame) {
    }

    private void ownership(Set<Long> poisoned) {
        long[] keys = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!echo[i]) {
                keys[n++] = (ipOf[i] << 32) | i;
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        int start = 0;
        while (start < n) {
            long ip = keys[start] >>> 32;
            int end = start;
            while (end < n && keys[end] >>> 32 == ip) {
                end++;
            }
            if (!poisoned.contains(ip) && severalMacs(keys, start, end)) {
                address(ip, keys, start, end);
            }
            start = end;
        }
    }

    /** True when the pairs {@code keys[start..end)} name more than one MAC: one MAC alone changes nothing. */
    private boolean severalMacs(long[] keys, int start, int end) {
        long mac = macOf[(int) keys[start]];
        for (int k = start + 1; k < end; k++) {
            if (macOf[(int) keys[k]] != mac) {
                return true;
            }
        }
        return false;
    }

    private void address(long ip, long[] keys, int start, int end) {
        MacsOfIp macs = new MacsOfIp();
        Map<Long, List<Integer>> framesByMac = new LinkedHashMap<>();
        List<Change> conflicts = new ArrayList<>();
        List<Change> flips = new ArrayList<>();
        List<Change> moves = new ArrayList<>();
        // the MAC before a claim is the one of the claim before it, so its last frame is that claim's
        int previousFrame = -1;
        List<Integer> f = null;
        for (int k = start; k < end; k++) {
            int i = (int) keys[k];
            int row = rowOf[i];
            long mac = macOf[i];
            long time = arp.time[row];
            int frame = arp.frame[row];
            long previous = macs.current();
            long previousTime = macs.lastTime();
            MacsOfIp.Change change = macs.claim(mac, time);
            if (change != MacsOfIp.Change.SAME) {
                f = framesByMac.computeIfAbsent(mac, m -> new ArrayList<>());
            }
            if (f.isEmpty() || f.get(f.size() - 1) != frame) {
                f.add(frame);
            }
            if (change != MacsOfIp.Change.SAME && change != MacsOfIp.Change.FIRST) {
                Change c = new Change(frame, previous, mac, time - previousTime, previousFrame);
                if (c.gapNanos() <= config.windowNanos()) {
                    conflicts.add(c);
                } else if (change == MacsOfIp.Change.NEW_MAC) {
                    moves.add(c);
                } else {
                    flips.add(c);
                }
            }
            previousFrame = frame;
        }
        if (!conflicts.isEmpty()) {
            duplicate(ip, framesByMac);
        } else if (!flips.isEmpty()) {
            flipFlop(ip, flips, moves);
        } else {
            for (Change m : moves) {
                moved(ip, m);
            }
        }
    }

    private void duplicate(long ip, Map<Long, List<Integer>> byMac) {
        List<String> parts = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        long second = -1;
        for (Map.Entry<Long, List<Integer>> m : byMac.entrySet()) {
            parts.add(Addresses.mac(m.getKey()) + " (" + Findings.frameWords(m.getValue()) + ")");
            frames.addAll(m.getValue());
            if (parts.size() == 2) {
                second = m.getKey();
            }
        }
        frames = new ArrayList<>(new java.util.TreeSet<>(frames));
        found.add(new Finding(FindingCode.DUPLICATE_IP, second, ip,
                frames.subList(0, Math.min(frames.size(), MAX_FRAMES)),
                Addresses.ipv4(ip) + " is claimed by " + byMac.size() + " MACs: " + join(parts) + ", two of them "
                        + "within " + duration(config.windowNanos()) + " of each other. Two machines answering for "
                        + "one address break traffic to both: after a migration this is usually the old copy of "
                        + "the VM still running (a failed or repeated migration, a clone powered on), otherwise an "
                        + "address conflict or ARP spoofing. Find the port each MAC is on in the switches' MAC "
                        + "tables and take the address off the one that should not have it."));
    }

    private void flipFlop(long ip, List<Change> flips, List<Change> moves) {
        List<Change> all = new ArrayList<>(moves);
        all.addAll(flips);
        all.sort((a, b) -> Integer.compare(a.frame(), b.frame()));
        Set<Long> macs = new LinkedHashSet<>();
        List<Integer> frames = new ArrayList<>();
        long quickest = Long.MAX_VALUE;
        for (Change c : all) {
            macs.add(c.from());
            macs.add(c.to());
            if (frames.size() < MAX_FRAMES) {
                frames.add(c.frame());
            }
            quickest = Math.min(quickest, c.gapNanos());
        }
        List<String> macWords = new ArrayList<>();
        for (long m : macs) {
            macWords.add(Addresses.mac(m));
        }
        Change last = flips.get(flips.size() - 1);
        List<Integer> every = new ArrayList<>(all.size());
        for (Change c : all) {
            every.add(c.frame());
        }
        found.add(new Finding(FindingCode.IP_FLIP_FLOP, last.to(), ip, frames,
                Addresses.ipv4(ip) + " went back and forth between MACs " + join(macWords) + ": " + all.size()
                        + (all.size() == 1 ? " change" : " changes") + " (" + Findings.frameWords(every)
                        + "), the quickest " + duration(quickest) + " after the other MAC last answered. Two "
                        + "machines are holding the address in turn: a failover pair flapping, a duplicate "
                        + "address whose owners answer at different times, or a VM and its stale copy. Check "
                        + "which machine should hold " + Addresses.ipv4(ip) + " and, for a failover pair, its "
                        + "heartbeat link."));
    }

    private void moved(long ip, Change m) {
        String from = Addresses.mac(m.from());
        found.add(new Finding(FindingCode.IP_MOVED, m.to(), ip, List.of(m.fromFrame(), m.frame()),
                "IP " + Addresses.ipv4(ip) + " moved from MAC " + from + " to MAC " + Addresses.mac(m.to())
                        + " at frame " + (m.frame() + 1) + ", " + duration(m.gapNanos()) + " after " + from
                        + " last answered (frame " + (m.fromFrame() + 1) + "): a migration, failover or "
                        + "re-addressing. Check that " + Addresses.mac(m.to()) + " is the machine that should hold "
                        + "it now and that no peer still sends to " + from + " (a gratuitous ARP from the new "
                        + "holder updates their caches)."));
    }

    // ---- words ----

    /** "150 ms", "4.2 s", "3 min", "46 days". */
    static String duration(long nanos) {
        double s = nanos / 1e9;
        if (s < 1) {
            return MigrationAnalyzer.ms(nanos);
        }
        if (s < 120) {
            return Math.abs(s - Math.rint(s)) < 0.05 ? Math.round(s) + " s"
                    : dev.cutover.text.FixedPoint.of(nanos, 9, 1) + " s";
        }
        if (s < 2 * 3600) {
            return Math.round(s / 60) + " min";
        }
        if (s < 2 * 86400) {
            return Math.round(s / 3600) + " h";
        }
        return Math.round(s / 86400) + " days";
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
