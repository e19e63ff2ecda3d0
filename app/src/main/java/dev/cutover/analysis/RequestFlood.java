package dev.cutover.analysis;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Vendors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sender's ARP requests kept up above a rate for many seconds: a flood that Wireshark's storm rule (a burst
 * within 100 ms) does not see, as in its own arp-storm sample (about 21 requests a second for 29 s).
 */
final class RequestFlood {
    private static final long SECOND = 1_000_000_000L;
    // sender addresses named in the sentence before "and N more"
    private static final int IPS_NAMED = 3;
    // at most this many targets (or a twentieth of the requests) is asking again for the same few
    private static final int FEW_TARGETS = 3;

    private final AnalysisConfig config;
    private final ArpFrames arp;

    private RequestFlood(AnalysisConfig config, ArpFrames arp) {
        this.config = config;
        this.arp = arp;
    }

    /** The floods in the capture, one finding per sender and stretch, in the order they start. */
    static List<Finding> find(AnalysisConfig config, ArpFrames arp) {
        return new RequestFlood(config, arp).find();
    }

    private List<Finding> find() {
        // the requests by sender: each sender numbered as it first appears, then (sender, row) keys sorted, without
        // a boxed map entry per request (the order senders are looked at in does not matter: the floods are sorted)
        Numbering senders = new Numbering();
        long[] keys = new long[arp.count];
        int n = 0;
        for (int r = 0; r < arp.count; r++) {
            if (arp.opcode[r] == 1) {
                keys[n++] = LongPairTable.key(senders.of(sender(r)), r);
            }
        }
        keys = LongPairTable.sorted(keys, n);
        int rate = config.floodRate();
        long span = config.floodSpan().toNanos();
        List<Finding> found = new ArrayList<>();
        for (int from = 0, to; from < n; from = to) {
            int id = (int) (keys[from] >>> 32);
            to = from;
            while (to < n && (int) (keys[to] >>> 32) == id) {
                to++;
            }
            if (to - from <= rate) {
                continue;
            }
            IntList rows = new IntList();
            for (int k = from; k < to; k++) {
                rows.add((int) keys[k]);
            }
            long mac = senders.value(id);
            // a request is "hot" when more than `rate` of the sender's requests, itself included, fall in the second
            // up to it; a flood is a run of hot requests, taken from the first request of its first second, that
            // lasts at least the span
            int lo = 0;
            int start = -1;
            int lastHot = -1;
            for (int i = 0; i < rows.size; i++) {
                long t = arp.time[rows.get(i)];
                while (arp.time[rows.get(lo)] < t - SECOND) {
                    lo++;
                }
                if (i - lo + 1 > rate) {
                    if (start < 0) {
                        start = lo;
                    }
                    lastHot = i;
                } else if (start >= 0) {
                    flood(mac, rows, start, lastHot, span, found);
                    start = -1;
                }
            }
            if (start >= 0) {
                flood(mac, rows, start, lastHot, span, found);
            }
        }
        found.sort(java.util.Comparator.comparingInt(Finding::firstFrame));
        return found;
    }

    /** Who sent a request: its sender MAC, or the Ethernet source when the ARP cannot be read that far. */
    private long sender(int r) {
        return arp.senderMac[r] >= 0 ? arp.senderMac[r] : arp.ethSrc[r];
    }

    private void flood(long mac, IntList rows, int from, int to, long minSpan, List<Finding> found) {
        int first = rows.get(from);
        int last = rows.get(to);
        long span = arp.time[last] - arp.time[first];
        if (span < minSpan) {
            return;
        }
        int count = to - from + 1;
        // sender addresses in order of appearance with their counts, and the distinct targets: primitive tables, as a
        // flood holds up to every request of the capture
        LongPairTable ipCounts = new LongPairTable();
        long[] ips = new long[8];
        int ipCount = 0;
        LongPairTable targets = new LongPairTable();
        int targetCount = 0;
        for (int i = from; i <= to; i++) {
            int r = rows.get(i);
            long sip = arp.senderIp[r];
            if (sip >= 0 && ipCounts.add(sip, 0, 1) == 0) {
                if (ipCount == ips.length) {
                    ips = java.util.Arrays.copyOf(ips, ipCount * 2);
                }
                ips[ipCount++] = sip;
            }
            if (arp.targetIp[r] >= 0 && targets.add(arp.targetIp[r], 0, 1) == 0) {
                targetCount++;
            }
        }
        long ip = -1;
        int most = 0;
        for (int k = 0; k < ipCount; k++) {
            int c = ipCounts.get(ips[k], 0);
            if (c > most) {
                ip = ips[k];
                most = c;
            }
        }
        // the intervals between the requests, not the requests, fill the span
        double perSecond = (count - 1) / (span / 1e9);
        String vendor = mac >= 0 ? Vendors.bundled().of(mac) : null;
        List<String> about = new ArrayList<>();
        if (vendor != null) {
            about.add(vendor);
        }
        if (ipCount > 0) {
            about.add(ipWords(ips, ipCount));
        }
        String who = (mac >= 0 ? Addresses.mac(mac) : "a sender")
                + (about.isEmpty() ? "" : " (" + String.join("; ", about) + ")");
        String cause = targetCount > Math.max(FEW_TARGETS, count / 20)
                ? "Asking for that many addresses is a scan sweeping the network, or a router ARPing for "
                        + "destinations that are not on its link (a wrong netmask or a missing route)"
                : "Asking again and again for the same few addresses is a host retrying a neighbour that never "
                        + "answers (a dead gateway, a stale static route), or a loop repeating its frames";
        found.add(new Finding(FindingCode.ARP_REQUEST_FLOOD, mac, ip,
                List.of(arp.frame[first], arp.frame[last]),
                count + " ARP requests from " + who + " in " + seconds(span)
                        + " (frame " + (arp.frame[first] + 1) + " to frame " + (arp.frame[last] + 1) + "), asking for "
                        + targetCount + (targetCount == 1 ? " address: " : " different addresses: ")
                        + String.format(Locale.ROOT, "%.1f", perSecond) + " a second, and more than "
                        + config.floodRate() + " in every second of it. Below Wireshark's storm rule (more than "
                        + config.stormRequests() + " within " + MigrationAnalyzer.ms(config.stormWindow().toNanos())
                        + "), but sustained. "
                        + cause + "; find what that MAC is and "
                        + "what it is looking for."));
    }

    /** "sender IP 10.0.0.1", "sender IPs a, b, c and 6 more": the first {@code n} of {@code ips}. */
    private static String ipWords(long[] ips, int n) {
        List<String> named = new ArrayList<>();
        for (int k = 0; k < n && named.size() < IPS_NAMED; k++) {
            named.add(Addresses.ipv4(ips[k]));
        }
        int more = n - named.size();
        return (n == 1 ? "sender IP " : "sender IPs ") + String.join(", ", named)
                + (more > 0 ? " and " + more + " more" : "");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A growable list of ints, as a capture may hold hundreds of thousands of requests. */
    private static final class IntList {
        int[] a = new int[16];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }
    }
}
