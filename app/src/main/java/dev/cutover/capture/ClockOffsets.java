package dev.cutover.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far apart the clocks of two capture files are, judged from frames both of them caught: a broadcast or
 * multicast frame (a RARP, a gratuitous ARP) seen on two uplinks, or on a host and a SPAN port, has the same bytes
 * in both files, so the difference of its two time stamps is the difference of the two clocks (plus the wire's
 * few microseconds). The offset is the median of those differences.
 *
 * <p>When two files have no such frame in common, unicast packets are compared the same way: the same IPv4 or IPv6
 * packet (or ARP) seen on two uplinks has the same bytes from the network layer on (the same addresses, IP ID,
 * protocol and payload), whatever the Ethernet header around it (an 802.1Q tag on one side only) and however much
 * each capture kept of it (the first {@link #PACKET_KEY_BYTES} bytes are compared). An echo request and its reply
 * are two packets, not one: a file that caught the requests and another that caught the replies have nothing in
 * common. The offset found from unicast packets counts only when at least {@link #MIN_PACKETS} of them agree.
 *
 * <p>The work is bounded: only Ethernet frames of up to {@link #MAX_FRAME_BYTES} bytes sent to a group address
 * are compared (an 802.1Q tag is left out, so a frame tagged on a trunk matches itself untagged on an access
 * port), at most {@link #MAX_SAMPLES} of them per file, among the first {@link #MAX_EXAMINED} small frames, and at
 * most {@link #MAX_COPIES} copies of one frame; of unicast packets, the first {@link #MAX_FRAME_BYTES} bytes of
 * the first {@link #MAX_EXAMINED} are read, and at most {@link #MAX_SAMPLES} kept, those whose keys lie lowest.
 */
public final class ClockOffsets {
    /** Larger frames are not compared. */
    public static final int MAX_FRAME_BYTES = 128;
    /** At most this many frames of each file are compared. */
    public static final int MAX_SAMPLES = 20_000;
    /** At most this many small frames of each file are read to find group-addressed ones. */
    public static final int MAX_EXAMINED = 500_000;
    /** Time stamps of the same frame further apart than this from the offset found are not counted as a match. */
    static final long MATCH_WINDOW_NANOS = 5_000_000L;
    /** At most this many of the copies of one frame in each file are paired (a frame repeated all along). */
    public static final int MAX_COPIES = 64;
    /** At most this many time differences are weighed. */
    private static final int MAX_DIFFERENCES = 4_000_000;
    /** An offset smaller than this is not worth correcting: capture jitter, not a wrong clock. */
    public static final long NEGLIGIBLE_NANOS = 1_000_000L;
    /** Unicast packets are compared on at most this many bytes from the network layer on. */
    public static final int PACKET_KEY_BYTES = 40;
    /** An offset found from unicast packets needs at least this many of them to agree on it. */
    public static final int MIN_PACKETS = 3;
    /** At most this many conversations (two addresses and a protocol) of each file are kept to explain a miss. */
    private static final int MAX_CONVERSATIONS = 512;
    /** A key no frame has: the frame has no network layer that can be compared. */
    private static final long NO_KEY = 0;

    private ClockOffsets() {
    }

    /**
     * The group-addressed small frames of one file: a hash of each frame's bytes and its time stamp, as the index
     * holds it (any time shift applied).
     */
    public static final class Sample {
        /** By hash of a frame's bytes: the time stamps of its copies. */
        private final Map<Long, Copies> copies = new HashMap<>();
        /** By hash of a unicast packet's bytes from the network layer on: the time stamps of its copies. */
        private final Map<Long, Copies> packetCopies = new HashMap<>();
        /** The IP conversations the unicast packets belong to ("10.0.0.1 \u2194 10.0.0.2 UDP"), in order seen. */
        private final java.util.Set<String> conversations = new java.util.LinkedHashSet<>();
        private int frames;
        private int packets;

        /** Records one copy of the frame whose bytes hash to {@code hash}, seen at {@code time} (ns). */
        public void add(long hash, long time) {
            if (record(copies, hash, time)) {
                frames++;
            }
        }

        /**
         * Keys of unicast packets at or above this (unsigned) are not kept: when more than {@link #MAX_SAMPLES}
         * packets are, it halves and those above go. Both files keep the packets whose keys lie low, so a packet
         * both caught is kept in both wherever it lies in them (the first packets of a file alone might all come
         * before the other file starts).
         */
        private long packetLimit = -1L;

        /** Records one copy of the unicast packet whose network-layer bytes hash to {@code hash}. */
        void addPacket(long hash, long time) {
            if (Long.compareUnsigned(hash, packetLimit) >= 0) {
                return;
            }
            if (record(packetCopies, hash, time)) {
                packets++;
            }
            while (packetCopies.size() > MAX_SAMPLES) {
                packetLimit >>>= 1;
                long limit = packetLimit;
                packetCopies.keySet().removeIf(k -> Long.compareUnsigned(k, limit) >= 0);
                packets = packetCopies.values().stream().mapToInt(c -> c.n).sum();
            }
        }

        /** The kept packets whose keys lie below {@code limit}, the lower of two samples' limits. */
        private Map<Long, Copies> packetsBelow(long limit) {
            if (limit == packetLimit) {
                return packetCopies;
            }
            Map<Long, Copies> out = new HashMap<>();
            packetCopies.forEach((k, c) -> {
                if (Long.compareUnsigned(k, limit) < 0) {
                    out.put(k, c);
                }
            });
            return out;
        }

        private static boolean record(Map<Long, Copies> map, long hash, long time) {
            Copies c = map.computeIfAbsent(hash, h -> new Copies());
            if (c.n >= MAX_COPIES) {
                return false;
            }
            if (c.n == c.times.length) {
                c.times = Arrays.copyOf(c.times, c.n * 2);
            }
            c.times[c.n++] = time;
            return true;
        }

        /** Group-addressed frames sampled. */
        public int frames() {
            return frames;
        }

        /** Unicast packets sampled. */
        public int packets() {
            return packets;
        }
    }

    /** The time stamps of one frame's copies in a file: the first {@code n} of {@code times}. */
    private static final class Copies {
        long[] times = new long[4];
        int n;
    }

    /**
     * What the frames of two files tell about their clocks.
     *
     * @param offsetNanos nanoseconds to add to the other file's time stamps to bring them onto the reference's
     *                    clock: positive when the other file runs behind
     * @param frames      frames of the other file seen in the reference at about that offset
     * @param unicast     whether they are unicast packets (the files had no broadcast frame in common)
     */
    public record Offset(long offsetNanos, int frames, boolean unicast) {
        /** An offset found from broadcast and multicast frames. */
        public Offset(long offsetNanos, int frames) {
            this(offsetNanos, frames, false);
        }

        /** Whether the offset is large enough to be a wrong clock rather than jitter. */
        public boolean significant() {
            return Math.abs(offsetNanos) > NEGLIGIBLE_NANOS;
        }
    }

    /** Samples the frames of file {@code sourceIndex} of an open capture (one of several merged, or the only one). */
    public static Sample sample(Capture capture, int sourceIndex) throws IOException {
        Sample sample = new Sample();
        FrameIndex index = capture.index();
        List<InterfaceInfo> interfaces = capture.interfaces();
        byte[] buf = new byte[MAX_FRAME_BYTES];
        // the small frames read to find group-addressed ones, and the unicast packets' first bytes read apart
        int examined = 0;
        int unicastRead = 0;
        for (int i = 0; i < index.size(); i++) {
            boolean groupsDone = sample.frames >= MAX_SAMPLES || examined >= MAX_EXAMINED;
            if (groupsDone && unicastRead >= MAX_EXAMINED) {
                break;
            }
            int length = index.capturedLength(i);
            if (length < 14 || (unicastRead >= MAX_EXAMINED && length > MAX_FRAME_BYTES)) {
                continue;
            }
            InterfaceInfo iface = interfaces.get(index.interfaceId(i));
            if (iface.sourceIndex() != sourceIndex || iface.linkType() != LinkTypes.ETHERNET) {
                continue;
            }
            // no more than the first bytes: a group-addressed frame is compared whole only when it is small, and a
            // unicast packet's key reads PACKET_KEY_BYTES from its network layer
            int read = capture.readFramePrefix(i, buf);
            long time = index.timestampNanos(i);
            if ((buf[0] & 1) != 0) {
                if (!groupsDone && length <= MAX_FRAME_BYTES) {
                    examined++;
                    sample.add(hash(buf, length), time);
                }
            } else if (unicastRead < MAX_EXAMINED) {
                unicastRead++;
                long key = packetKey(buf, read, sample);
                if (key != NO_KEY) {
                    sample.addPacket(key, time);
                }
            }
        }
        return sample;
    }

    /**
     * The offset of {@code other}'s clock from {@code reference}'s, or null when no frame was seen in both.
     * Every pairing of the copies of a frame gives a difference; the offset is the median of the differences
     * in the densest {@link #MATCH_WINDOW_NANOS}-wide cluster (the pairs of copies that are one and the same
     * frame), so frames repeated at intervals do not pull it off. The broadcast and multicast frames are compared
     * first; when the files have none in common, the unicast packets, of which at least {@link #MIN_PACKETS} must
     * agree on the offset.
     */
    public static Offset between(Sample reference, Sample other) {
        Long offset = densest(reference.copies, other.copies);
        if (offset != null) {
            return new Offset(offset, matched(reference.copies, other.copies, offset), false);
        }
        long limit = lower(reference.packetLimit, other.packetLimit);
        Map<Long, Copies> ref = reference.packetsBelow(limit);
        Map<Long, Copies> oth = other.packetsBelow(limit);
        offset = densest(ref, oth);
        if (offset == null) {
            return null;
        }
        int agreeing = matched(ref, oth, offset);
        return agreeing >= MIN_PACKETS ? new Offset(offset, agreeing, true) : null;
    }

    /** The median of the densest cluster of differences between the copies of the same frames, or null. */
    private static Long densest(Map<Long, Copies> reference, Map<Long, Copies> other) {
        long[] d = new long[1024];
        int count = 0;
        for (Map.Entry<Long, Copies> e : other.entrySet()) {
            Copies ref = reference.get(e.getKey());
            if (ref == null) {
                continue;
            }
            Copies oth = e.getValue();
            for (int a = 0; a < ref.n && count < MAX_DIFFERENCES; a++) {
                for (int b = 0; b < oth.n && count < MAX_DIFFERENCES; b++) {
                    if (count == d.length) {
                        d = Arrays.copyOf(d, count * 2);
                    }
                    d[count++] = ref.times[a] - oth.times[b];
                }
            }
        }
        if (count == 0) {
            return null;
        }
        Arrays.sort(d, 0, count);
        int bestFrom = 0;
        int bestTo = 1;
        int to = 0;
        for (int from = 0; from < count; from++) {
            if (to < from + 1) {
                to = from + 1;
            }
            while (to < count && d[to] - d[from] <= MATCH_WINDOW_NANOS) {
                to++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        int n = bestTo - bestFrom;
        long lo = d[bestFrom + (n - 1) / 2];
        long hi = d[bestFrom + n / 2];
        return lo + (hi - lo) / 2; // hi - lo is within the window: no overflow
    }

    /** How many of {@code other}'s sampled frames have a copy in {@code reference} at about {@code offset}. */
    private static int matched(Map<Long, Copies> reference, Map<Long, Copies> other, long offset) {
        int matched = 0;
        for (Map.Entry<Long, Copies> e : other.entrySet()) {
            Copies ref = reference.get(e.getKey());
            if (ref == null) {
                continue;
            }
            Copies oth = e.getValue();
            for (int b = 0; b < oth.n; b++) {
                for (int a = 0; a < ref.n; a++) {
                    if (Math.abs(ref.times[a] - oth.times[b] - offset) <= MATCH_WINDOW_NANOS / 2) {
                        matched++;
                        break;
                    }
                }
            }
        }
        return matched;
    }

    /** How many of {@code other}'s sampled frames have a copy in {@code reference}, at any time. */
    private static int shared(Map<Long, Copies> reference, Map<Long, Copies> other) {
        int shared = 0;
        for (Map.Entry<Long, Copies> e : other.entrySet()) {
            if (reference.containsKey(e.getKey())) {
                shared += e.getValue().n;
            }
        }
        return shared;
    }

    /**
     * The offset of each file of a merged capture from the first file: element 0 is null, as is the element of a
     * file that has no frame in common with the first.
     */
    public static List<Offset> fromFirst(Capture capture) throws IOException {
        List<Offset> offsets = new ArrayList<>();
        for (Comparison c : compareWithFirst(capture)) {
            offsets.add(c == null ? null : c.offset());
        }
        return offsets;
    }

    /**
     * What the frames of a file tell about its clock compared with another's.
     *
     * @param offset              the offset found, or null
     * @param frames              group-addressed frames sampled in the file
     * @param packets             unicast packets sampled in the file
     * @param referenceFrames     group-addressed frames sampled in the reference
     * @param referencePackets    unicast packets sampled in the reference
     * @param sharedPackets       the file's unicast packets also in the reference, at whatever time
     * @param sharedConversations conversations ("10.0.10.20 \u2194 10.0.10.52 UDP") both files have packets of
     */
    public record Comparison(Offset offset, int frames, int packets, int referenceFrames, int referencePackets,
                             int sharedPackets, List<String> sharedConversations) {
        public Comparison {
            sharedConversations = List.copyOf(sharedConversations);
        }
    }

    /** The lower of two keys' limits, unsigned. */
    private static long lower(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? a : b;
    }

    /** Compares the frames of {@code other} with {@code reference}'s. */
    public static Comparison compare(Sample reference, Sample other) {
        List<String> conversations = new ArrayList<>();
        for (String c : other.conversations) {
            if (reference.conversations.contains(c)) {
                conversations.add(c);
            }
        }
        long limit = lower(reference.packetLimit, other.packetLimit);
        return new Comparison(between(reference, other), other.frames, other.packets, reference.frames,
                reference.packets, shared(reference.packetsBelow(limit), other.packetsBelow(limit)), conversations);
    }

    /** {@link #compare} of each file of a merged capture with the first file; element 0 is null. */
    public static List<Comparison> compareWithFirst(Capture capture) throws IOException {
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(null);
        if (capture.sources().size() < 2) {
            return comparisons;
        }
        Sample first = sample(capture, 0);
        for (int s = 1; s < capture.sources().size(); s++) {
            comparisons.add(compare(first, sample(capture, s)));
        }
        return comparisons;
    }

    /**
     * Why no offset could be found between {@code other} and {@code reference}, in full: the frames compared, and
     * when the files caught the same conversations, that they caught different packets of them.
     */
    public static String noOffset(String reference, String other, Comparison c) {
        StringBuilder s = new StringBuilder(other).append(": no shift to suggest. ");
        String compared = count(c.frames(), "broadcast frame") + " and " + count(c.packets(), "unicast packet")
                + " of " + other + " were compared with the " + c.referenceFrames() + " and " + c.referencePackets()
                + " of " + reference;
        if (c.sharedPackets() == 0) {
            s.append("No frame compared was caught by both files: ").append(compared)
                    .append(", and none is in both.");
        } else {
            s.append("No broadcast frame was caught by both files, and only ")
                    .append(count(c.sharedPackets(), "unicast packet")).append(c.sharedPackets() == 1 ? " is" : " are")
                    .append(" in both (").append(compared).append("); ").append(MIN_PACKETS)
                    .append(" that agree on the offset within ").append(MATCH_WINDOW_NANOS / 1_000_000)
                    .append(" ms are needed.");
        }
        List<String> conv = c.sharedConversations();
        if (!conv.isEmpty() && c.sharedPackets() == 0) {
            int shown = Math.min(3, conv.size());
            s.append(" Both caught packets of the same ").append(conv.size() == 1 ? "conversation (" : "conversations (")
                    .append(String.join(", ", conv.subList(0, shown)));
            if (conv.size() > shown) {
                s.append(" and ").append(conv.size() - shown).append(" more");
            }
            s.append("), but never the same packet: each file has a different part of ")
                    .append(conv.size() == 1 ? "it" : "them")
                    .append(" (the packets before a move and those after it, or requests in one and their replies in "
                            + "the other), which does not tell how far apart the clocks are.");
        }
        s.append(" Type the shift if it is known from elsewhere (e.g. the hosts' NTP offsets).");
        return s.toString();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * The hash of a unicast Ethernet frame's bytes from the network layer on (IPv4, IPv6, ARP, RARP; 802.1Q and
     * 802.1ad tags skipped), over at most {@link #PACKET_KEY_BYTES} bytes, or {@link #NO_KEY} when the frame has no
     * such layer or the capture kept less of it than is compared. Records the packet's IP conversation in
     * {@code sample}.
     */
    static long packetKey(byte[] b, int length, Sample sample) {
        int at = 12;
        int type = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        for (int tags = 0; tags < 2 && (type == 0x8100 || type == 0x88A8 || type == 0x9100); tags++) {
            at += 4;
            if (at + 2 > length) {
                return NO_KEY;
            }
            type = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }
        int l3 = at + 2;
        int available = length - l3;
        int packetLength;
        if (type == 0x0800) {
            if (available < 20 || (b[l3] & 0xF0) != 0x40) {
                return NO_KEY;
            }
            packetLength = (b[l3 + 2] & 0xFF) << 8 | (b[l3 + 3] & 0xFF);
            if (packetLength < 20) {
                return NO_KEY;
            }
        } else if (type == 0x86DD) {
            if (available < 40 || (b[l3] & 0xF0) != 0x60) {
                return NO_KEY;
            }
            packetLength = 40 + ((b[l3 + 4] & 0xFF) << 8 | (b[l3 + 5] & 0xFF));
        } else if (type == 0x0806 || type == 0x8035) {
            if (available < 8) {
                return NO_KEY;
            }
            packetLength = 8 + 2 * (b[l3 + 4] & 0xFF) + 2 * (b[l3 + 5] & 0xFF);
        } else {
            return NO_KEY;
        }
        int keyLength = Math.min(PACKET_KEY_BYTES, packetLength);
        if (available < keyLength) {
            return NO_KEY; // cut short by the capture's snap length: less than the other file may have
        }
        long h = 0xcbf29ce484222325L;
        h = (h ^ (type >>> 8)) * 0x100000001b3L;
        h = (h ^ (type & 0xFF)) * 0x100000001b3L;
        for (int i = l3; i < l3 + keyLength; i++) {
            h ^= b[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        if (sample.conversations.size() < MAX_CONVERSATIONS) {
            if (type == 0x0800) {
                conversation(sample, b, l3 + 12, l3 + 16, 4, b[l3 + 9] & 0xFF);
            } else if (type == 0x86DD) {
                conversation(sample, b, l3 + 8, l3 + 24, 16, b[l3 + 6] & 0xFF);
            }
        }
        return h == NO_KEY ? 1 : h;
    }

    private static void conversation(Sample sample, byte[] b, int src, int dst, int size, int protocol) {
        String a = address(b, src, size);
        String z = address(b, dst, size);
        String p = switch (protocol) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 58 -> "ICMPv6";
            default -> "protocol " + protocol;
        };
        sample.conversations.add((a.compareTo(z) <= 0 ? a + " \u2194 " + z : z + " \u2194 " + a) + " " + p);
    }

    private static String address(byte[] b, int at, int size) {
        try {
            return java.net.InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + size)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }

    // 64-bit FNV-1a over the frame, an 802.1Q tag left out
    private static long hash(byte[] b, int length) {
        long h = 0xcbf29ce484222325L;
        boolean tagged = length >= 18 && b[12] == (byte) 0x81 && b[13] == 0x00;
        for (int i = 0; i < length; i++) {
            if (tagged && i >= 12 && i < 16) {
                continue;
            }
            h ^= b[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * One line saying how far {@code other}'s clock is from {@code reference}'s and the option that aligns them,
     * e.g. "vusb2.pcap runs 2.913 s behind vmnic5.pcap (7 frames seen in both); to align: --time-shift
     * vusb2.pcap=2.913"; null when the offset is {@linkplain Offset#significant() negligible}.
     *
     * @param currentShiftNanos the time shift {@code other} was opened with: the option given adds the offset to it
     */
    public static String advice(String reference, String other, Offset offset, long currentShiftNanos) {
        if (offset == null || !offset.significant()) {
            return null;
        }
        return comparison(reference, other, offset) + "; to align: --time-shift " + other + "="
                + seconds(aligningShift(offset, currentShiftNanos));
    }

    /**
     * How far {@code other}'s clock is from {@code reference}'s: the sentence of {@link #advice} without the option,
     * or for a negligible offset "vusb2.pcap and vmnic5.pcap agree within 1 ms (7 frames seen in both)".
     */
    public static String comparison(String reference, String other, Offset offset) {
        String seen = " (" + offset.frames() + (offset.unicast() ? " unicast packet" : " frame")
                + (offset.frames() == 1 ? "" : "s") + " seen in both)";
        if (!offset.significant()) {
            return other + " and " + reference + " agree within " + NEGLIGIBLE_NANOS / 1_000_000 + " ms" + seen;
        }
        long off = offset.offsetNanos();
        String amount = java.math.BigDecimal.valueOf(Math.abs(off), 9)
                .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
        return other + " runs " + amount + " s " + (off > 0 ? "behind " : "ahead of ") + reference + seen;
    }

    /** The time shift that puts a file opened with {@code currentShiftNanos} on the reference's clock. */
    public static long aligningShift(Offset offset, long currentShiftNanos) {
        return TimestampScale.saturatedAdd(currentShiftNanos, offset.offsetNanos());
    }

    /** "2.913" (seconds, up to nanoseconds, no trailing zeros), signed when negative. */
    public static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}
