package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LinkTypes;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * ARP, RARP and neighbour discovery frames that several of the merged captures caught: a broadcast RARP taken on
 * the destination host's uplink and on a SPAN port, or on the source and the destination host, is one frame on
 * the wire. Each copy stays its capture's own frame (its number, its interface), but the analysis counts the
 * frame once: the copies after the first of a group (in the merged order) are left out of bursts, counts,
 * patterns and findings, and answer for their class, burst and event with the first copy's.
 *
 * <p>Copies are frames with the same bytes (the Ethernet addresses and the ARP or IPv6 packet, any 802.1Q tags and
 * the padding left out: an access port and a trunk see the same frame) from different files, at the same moment:
 * within {@link #MATCH_NANOS} of each other as the files' time stamps say after their time shifts. Captures from
 * hosts whose clocks disagree are aligned first ({@code --time-shift}, which {@code cutover info} suggests from
 * these very frames): an offset guessed here could pair a burst with a later one of the same bytes (the VM moving
 * back), and a migration would vanish. A burst's RARPs all
 * have the same bytes, so at most one copy of each file joins a group, and only within
 * {@link #MATCH_NANOS} of the group's first.
 */
final class DuplicateFrames {
    /** Copies this far apart, on one clock, are not the same frame. */
    static final long MATCH_NANOS = 5_000_000L;
    /** At most this many rows after a group's first are looked at (a flood of one frame stays linear). */
    private static final int MAX_LOOK = 64;
    static final DuplicateFrames NONE = new DuplicateFrames(new int[0], new int[0]);

    /** The copies (0-based frames, ascending) and, beside each, the first frame of its group. */
    final int[] copies;
    final int[] originals;

    private DuplicateFrames(int[] copies, int[] originals) {
        this.copies = copies;
        this.originals = originals;
    }

    boolean isEmpty() {
        return copies.length == 0;
    }

    /** Finds the copies among the rows of {@code arp}; none when the capture is one file. */
    static DuplicateFrames find(Capture capture, ArpFrames arp) throws IOException {
        int sources = capture.sources().size();
        if (sources < 2 || arp.count < 2) {
            return NONE;
        }
        List<InterfaceInfo> interfaces = capture.interfaces();
        int n = arp.count;
        long[] hash = new long[n];
        int[] source = new int[n];
        boolean[] hashed = new boolean[n];
        byte[] buf = new byte[Math.max(64, capture.maxCapturedLength())];
        for (int r = 0; r < n; r++) {
            InterfaceInfo iface = interfaces.get(arp.iface[r]);
            source[r] = iface.sourceIndex();
            if (iface.linkType() != LinkTypes.ETHERNET) {
                continue;
            }
            int length = capture.readFrame(arp.frame[r], buf);
            hash[r] = hash(buf, length);
            hashed[r] = true;
        }
        // rows ordered by (hash, time): a group's copies are then side by side
        int m = 0;
        int[] rows = new int[n];
        for (int r = 0; r < n; r++) {
            if (hashed[r]) {
                rows[m++] = r;
            }
        }
        long[] onClock = arp.time;
        rows = sortByHashThenTime(rows, m, hash, onClock);
        int[] copyOf = new int[n];
        Arrays.fill(copyOf, -1);
        boolean[] grouped = new boolean[n];
        int[] group = new int[MAX_LOOK + 1];
        int copies = 0;
        int start = 0;
        while (start < m) {
            int end = start + 1;
            while (end < m && hash[rows[end]] == hash[rows[start]]) {
                end++;
            }
            // within one hash: walk in time; each row not yet in a group starts one and takes, of the rows after
            // it within MATCH_NANOS, the first of each other file not yet in a group (a burst's frames sent at
            // once have the same bytes: the copies of the second are then not taken for the first's)
            for (int g = start; g < end; g++) {
                int first = rows[g];
                if (grouped[first]) {
                    continue;
                }
                grouped[first] = true;
                long seen = 1L << Math.min(source[first], 63);
                int original = first;
                int members = 0;
                for (int k = g + 1, looked = 0; k < end && looked < MAX_LOOK
                        && onClock[rows[k]] - onClock[first] <= MATCH_NANOS; k++, looked++) {
                    int r = rows[k];
                    long bit = 1L << Math.min(source[r], 63);
                    if (grouped[r] || (seen & bit) != 0 || !sameFrame(arp, first, r)) {
                        continue;
                    }
                    seen |= bit;
                    grouped[r] = true;
                    group[members++] = r;
                    if (arp.frame[r] < arp.frame[original]) {
                        original = r;
                    }
                }
                if (members > 0) {
                    group[members++] = first;
                    for (int j = 0; j < members; j++) {
                        if (group[j] != original) {
                            copyOf[group[j]] = original;
                            copies++;
                        }
                    }
                }
            }
            start = end;
        }
        if (copies == 0) {
            return NONE;
        }
        int[] copyFrames = new int[copies];
        int[] originalFrames = new int[copies];
        int c = 0;
        for (int r = 0; r < n; r++) { // rows are in frame order: the copies come out ascending
            if (copyOf[r] >= 0) {
                copyFrames[c] = arp.frame[r];
                originalFrames[c] = arp.frame[copyOf[r]];
                c++;
            }
        }
        return new DuplicateFrames(copyFrames, originalFrames);
    }

    /** The rows of {@code arp} that are not copies: {@code arp} itself when there are none. */
    ArpFrames without(ArpFrames arp) {
        if (isEmpty()) {
            return arp;
        }
        boolean[] drop = new boolean[arp.count];
        int c = 0;
        for (int r = 0; r < arp.count && c < copies.length; r++) {
            if (arp.frame[r] == copies[c]) {
                drop[r] = true;
                c++;
            }
        }
        return arp.keep(drop);
    }

    /** The first frame of the group of copy {@code frame}, or -1 when it is no copy. */
    int originalOf(int frame) {
        int i = Arrays.binarySearch(copies, frame);
        return i < 0 ? -1 : originals[i];
    }

    private static boolean sameFrame(ArpFrames arp, int a, int b) {
        return arp.ethSrc[a] == arp.ethSrc[b] && arp.ethDst[a] == arp.ethDst[b] && arp.opcode[a] == arp.opcode[b]
                && arp.senderMac[a] == arp.senderMac[b] && arp.senderIp[a] == arp.senderIp[b]
                && arp.targetMac[a] == arp.targetMac[b] && arp.targetIp[a] == arp.targetIp[b];
    }

    private static int[] sortByHashThenTime(int[] rows, int m, long[] hash, long[] time) {
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) {
            boxed[i] = rows[i];
        }
        Arrays.sort(boxed, (x, y) -> {
            int h = Long.compare(hash[x], hash[y]);
            return h != 0 ? h : Long.compare(time[x], time[y]);
        });
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /**
     * A hash of the frame as it was on the wire: the two MAC addresses, then from the EtherType after any 802.1Q,
     * 802.1ad or 0x9100 tags to the end of the ARP packet or the IPv6 packet (the padding left out).
     */
    static long hash(byte[] b, int length) {
        long h = 0xcbf29ce484222325L;
        if (length < 14) {
            for (int i = 0; i < length; i++) {
                h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
            }
            return h;
        }
        for (int i = 0; i < 12; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
        }
        int at = 12;
        while (at + 4 <= length) {
            int type = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            if (type != 0x8100 && type != 0x88a8 && type != 0x9100) {
                break;
            }
            at += 4;
        }
        int end = length;
        if (at + 2 <= length) {
            int type = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            int p = at + 2;
            if ((type == 0x0806 || type == 0x8035) && p + 6 <= length) {
                end = Math.min(length, p + 8 + 2 * ((b[p + 4] & 0xFF) + (b[p + 5] & 0xFF)));
            } else if (type == 0x86DD && p + 6 <= length) {
                end = Math.min(length, p + 40 + (((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF)));
            }
        }
        for (int i = at; i < end; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
