package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.capture.LinkTypes;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.EtherTypes;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.Icmpv6;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Vlan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The analysis's one pass over the capture: peeks at every frame's EtherType through a read-ahead window,
 * decodes only ARP-family frames in full, and records their facts and class.
 */
final class ArpScanner {
    private static final int PARALLEL_FROM = 100_000;
    /** Frames left for later by the tap are each decoded in full: worth parts from far fewer of them. */
    static final int PARALLEL_LATER_FROM = 4_096;

    private final Capture capture;
    private final FrameDecoder decoder;
    private final Dissector dissector = new Dissector();
    private final Dissection d = new Dissection();
    private final byte[] buffer;
    private final int[] linkTypes;

    /** The frames to look at; null for all. */
    private final IntPredicate include;
    /** False: every ARP-family frame goes through the dissector (the reference the fast path is tested against). */
    private final boolean fastPath;

    ArpScanner(Capture capture, IntPredicate include) {
        this(capture, include, true);
    }

    private ArpScanner(Capture capture, IntPredicate include, boolean fastPath) {
        this.capture = capture;
        this.include = include;
        this.fastPath = fastPath;
        this.decoder = new FrameDecoder(capture);
        this.buffer = new byte[Math.max(64, capture.maxCapturedLength())];
        this.linkTypes = capture.interfaces().stream().mapToInt(InterfaceInfo::linkType).toArray();
    }

    /**
     * Scans every frame. A large capture is split into as many parts as there are processors (at most four),
     * each read and decoded by its own thread through its own window and decoder; the rows come back in frame
     * order, and the frame classes are stored from the calling thread.
     */
    static ArpFrames scan(Capture capture, LoadMonitor monitor) throws IOException {
        return scan(capture, monitor, (IntPredicate) null);
    }

    /** Scans the frames {@code include} accepts (all when null). */
    static ArpFrames scan(Capture capture, LoadMonitor monitor, IntPredicate include) throws IOException {
        int n = capture.frameCount();
        return scan(capture, monitor, n < PARALLEL_FROM ? 1
                : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), include);
    }

    /** Scans in {@code parts} parts, one thread each. */
    static ArpFrames scan(Capture capture, LoadMonitor monitor, int parts) throws IOException {
        return scan(capture, monitor, parts, null);
    }

    /** One part, every ARP-family frame decoded by the dissector: what {@link #plainFrame} must agree with. */
    static ArpFrames scanThroughDissector(Capture capture) throws IOException {
        return new ArpScanner(capture, null, false).scan(0, capture.frameCount(), LoadMonitor.NONE);
    }

    private static ArpFrames scan(Capture capture, LoadMonitor monitor, int parts, IntPredicate include)
            throws IOException {
        int n = capture.frameCount();
        SharedMonitor shared = new SharedMonitor(monitor, parts);
        List<CompletableFuture<ArpFrames>> futures = new ArrayList<>();
        ExecutorService pool = parts > 1 ? Executors.newFixedThreadPool(parts - 1, r -> {
            Thread t = new Thread(r, "cutover-analysis");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (int p = 1; p < parts; p++) {
                int from = (int) ((long) n * p / parts);
                int to = (int) ((long) n * (p + 1) / parts);
                LoadMonitor part = shared.part(p);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return new ArpScanner(capture, include).scan(from, to, part);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, pool));
            }
            ArpFrames out = new ArpScanner(capture, include).scan(0, (int) ((long) n / parts), shared.part(0));
            for (CompletableFuture<ArpFrames> f : futures) {
                out.append(join(f));
            }
            if (monitor.cancelled()) {
                throw new CancellationException("the analysis was cancelled");
            }
            var index = capture.index();
            for (int r = 0; r < out.count; r++) {
                index.setFrameClass(out.frame[r], out.cls[r]);
            }
            return out;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ArpFrames join(CompletableFuture<ArpFrames> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    private ArpFrames scan(int from, int to, LoadMonitor monitor) throws IOException {
        ArpFrames out = new ArpFrames();
        SequentialFrames frames = new SequentialFrames(capture, monitor);
        for (int i = from; i < to; i++) {
            if (include != null && !include.test(i)) {
                continue;
            }
            look(out, frames, i);
        }
        return out;
    }

    /**
     * Scans only {@code frames[0..n-1]} (ascending), on the calling thread, with no frame classes stored: the
     * frames an {@link ArpTap} left to be read again.
     */
    static ArpFrames scanFrames(Capture capture, int[] frames, int n) throws IOException {
        int parts = n < PARALLEL_LATER_FROM ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (parts == 1) {
            return scanFrames(capture, frames, 0, n);
        }
        // each frame left for later is decoded in full (every ARP frame of a Linux cooked capture): in parts, one
        // thread each, as the untapped scan does, the parts' rows joined in frame order
        ExecutorService pool = Executors.newFixedThreadPool(parts - 1, r -> {
            Thread t = new Thread(r, "cutover-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ArpFrames>> futures = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int from = (int) ((long) n * p / parts);
                int to = (int) ((long) n * (p + 1) / parts);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return scanFrames(capture, frames, from, to);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, pool));
            }
            ArpFrames out = scanFrames(capture, frames, 0, (int) ((long) n / parts));
            for (CompletableFuture<ArpFrames> f : futures) {
                out.append(join(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The frames {@code frames[from..to)}, ascending, read on this thread. */
    private static ArpFrames scanFrames(Capture capture, int[] frames, int from, int to) throws IOException {
        ArpFrames out = new ArpFrames();
        if (from == to) {
            return out;
        }
        ArpScanner scanner = new ArpScanner(capture, null);
        SequentialFrames window = new SequentialFrames(capture, LoadMonitor.NONE);
        for (int k = from; k < to; k++) {
            scanner.look(out, window, frames[k]);
        }
        return out;
    }

    /** Records frame {@code i} when it is ARP-family (or DHCP). */
    private void look(ArpFrames out, SequentialFrames frames, int i) throws IOException {
        var index = capture.index();
        int length = frames.moveTo(i);
        int linkType = linkTypes[index.interfaceId(i)];
        int peek = LinkPeek.peek(frames, linkType, length);
        if (peek == LinkPeek.NOT_ARP) {
            long client = LinkPeek.dhcpClientOrV6Source(frames, linkType, length, out, i, index.timestampNanos(i));
            if (client >= 0) {
                out.addDhcp(i, index.timestampNanos(i), client);
            }
            return;
        }
        if (peek == LinkPeek.NDP) {
            LinkPeek.ipv6Source(frames, linkType, length, out, i, index.timestampNanos(i));
        }
        frames.copyTo(buffer);
        if (fastPath && linkType == LinkTypes.ETHERNET && length == index.originalLength(i)
                && plainFrame(out, buffer, i, length, capture.interfaceOf(i).fcsLength(), index.timestampNanos(i),
                index.interfaceId(i), capture.vlanTag(i), peek == LinkPeek.NDP)) {
            return;
        }
        FrameInfo info = decoder.info(i);
        dissector.dissect(info, buffer, d, Layer.ALL);
        record(out, i, info);
    }

    /**
     * Sums the progress of the parts for the caller's monitor. Parts report from their own threads, so the
     * caller's monitor is called under a lock, from whichever thread has news.
     */
    private static final class SharedMonitor {
        private final LoadMonitor monitor;
        private final long[] first;
        private final long[] covered;

        SharedMonitor(LoadMonitor monitor, int parts) {
            this.monitor = monitor;
            this.first = new long[parts];
            this.covered = new long[parts];
            java.util.Arrays.fill(first, -1);
        }

        LoadMonitor part(int p) {
            return new LoadMonitor() {
                @Override
                public void progress(long position, long total) {
                    synchronized (SharedMonitor.this) {
                        // a part starts part-way into the files: what it has covered is how far it has moved
                        if (first[p] < 0) {
                            first[p] = position;
                        }
                        covered[p] = position - first[p];
                        long sum = 0;
                        for (long c : covered) {
                            sum += c;
                        }
                        monitor.progress(Math.min(sum, total), total);
                    }
                }

                @Override
                public boolean cancelled() {
                    synchronized (SharedMonitor.this) {
                        return monitor.cancelled();
                    }
                }
            };
        }
    }

    /**
     * Records the frame in {@code b} straight from its bytes when it is the common case, whole, under at most a
     * few 802.1Q/802.1ad tags: Ethernet ARP or RARP for IPv4 with room to spare for an FCS, or (when {@code ndp})
     * an IPv6 Neighbor Solicitation or Advertisement right after the IPv6 header. The facts are the ones
     * {@link #record} reads from the dissector's fields, at a fraction of the cost (most of a dense capture's
     * analysis was decoding every field of such frames). Returns false, recording nothing, for anything else,
     * which the dissector decodes.
     */
    static boolean plainFrame(ArpFrames out, byte[] b, int frame, int length, int fcsLength, long timeNanos,
                              int interfaceId, int vlanTag, boolean ndp) {
        if (length < Ethernet.HEADER_LENGTH) {
            return false;
        }
        int o = afterTags(b, length);
        if (o < 0) {
            return false;
        }
        long src = mac(b, 6);
        int r = ndp ? ndpRow(out, b, frame, o, length) : arpRow(out, b, frame, o, length, fcsLength, src);
        if (r < 0) {
            return false;
        }
        long dst = mac(b, 0);
        long stack = tagStack(b, o);
        if ((stack >>> 48) == 0 && vlanTag >= 0) {
            stack = ArpFrames.pushVlan(0, vlanTag);
        }
        out.time[r] = timeNanos;
        out.iface[r] = interfaceId;
        out.ethSrc[r] = src;
        out.ethDst[r] = dst;
        out.dest[r] = destination(dst, -1);
        out.vlans[r] = stack;
        return true;
    }

    /** The ARP row of the message at {@code o}, its link fields left to the caller; -1 when it is not plain. */
    private static int arpRow(ArpFrames out, byte[] b, int frame, int o, int length, int fcsLength, long src) {
        int type = u16(b, o - 2);
        // an FCS the Ethernet heuristic might take off the end must leave the message whole
        if (!EtherTypes.isArpFamily(type) || o + ARP_LENGTH + Math.max(4, fcsLength) > length || u16(b, o) != Arp.HW_ETHERNET
                || u16(b, o + 2) != EtherTypes.IPV4 || (b[o + 4] & 0xFF) != 6 || (b[o + 5] & 0xFF) != 4) {
            return -1;
        }
        int opcode = u16(b, o + 6);
        long sha = mac(b, o + 8);
        long spa = u32(b, o + 14);
        long tha = mac(b, o + 18);
        long tpa = u32(b, o + 24);
        boolean gratuitous = false;
        boolean probe = false;
        if (opcode == Arp.REQUEST || opcode == Arp.REPLY) {
            gratuitous = spa == tpa;
            probe = !gratuitous && opcode == Arp.REQUEST && tha == 0 && spa == 0;
        }
        int r = out.add();
        out.frame[r] = frame;
        out.opcode[r] = opcode;
        out.senderMac[r] = sha;
        out.senderIp[r] = spa;
        out.targetMac[r] = tha;
        out.targetIp[r] = tpa;
        out.flags[r] = sha != src ? ArpFrames.MISMATCH : 0;
        out.cls[r] = classify(opcode, gratuitous, probe, sha, tha).code();
        return r;
    }

    /** The NDP row of the IPv6 packet at {@code o}, its link fields left to the caller; -1 when it is not plain. */
    private static int ndpRow(ArpFrames out, byte[] b, int frame, int o, int length) {
        int type = u16(b, o - 2);
        if (type != EtherTypes.IPV6 || o + 40 + 24 > length || (b[o] & 0xF0) != 0x60
                || (b[o + 6] & 0xFF) != Ip.PROTO_ICMPV6) {
            return -1;
        }
        int end = o + 40 + u16(b, o + 4);
        int m = o + 40;
        int icmpType = b[m] & 0xFF;
        if (end > length || end < m + 24
                || (icmpType != ArpFrames.NEIGHBOR_SOLICITATION && icmpType != ArpFrames.NEIGHBOR_ADVERTISEMENT)) {
            return -1;
        }
        long linkAddr = -1;
        int wanted = icmpType == ArpFrames.NEIGHBOR_SOLICITATION ? 1 : 2;
        for (int p = m + 24; p + 2 <= end; ) {
            int optLength = (b[p + 1] & 0xFF) * 8;
            if (optLength == 0) {
                break;
            }
            if ((b[p] & 0xFF) == wanted && optLength == 8 && p + 8 <= end && linkAddr < 0) {
                linkAddr = mac(b, p + 2);
            }
            p += optLength;
        }
        int ndFlags = ndFlags(icmpType, b[m + 4] & 0xFF, u64(b, o + 8) == 0 && u64(b, o + 16) == 0,
                u64(b, o + 24) == ALL_NODES_HI && u64(b, o + 32) == 1);
        int r = out.addNdp(frame, icmpType);
        out.ndTargetHi[r] = u64(b, m + 8);
        out.ndTargetLo[r] = u64(b, m + 16);
        out.ndLinkAddr[r] = linkAddr;
        out.ndFlags[r] = (byte) ndFlags;
        out.cls[r] = classifyNdp(icmpType, ndFlags).code();
        return r;
    }

    /** The high half of ff02::1. */
    private static final long ALL_NODES_HI = 0xff02_0000_0000_0000L;

    /** The row's ND flags from the advertisement's flag byte (R, S, O in its top bits) and its addresses. */
    private static int ndFlags(int icmpType, int flagByte, boolean fromUnspecified, boolean toAllNodes) {
        int f = 0;
        if (icmpType == ArpFrames.NEIGHBOR_ADVERTISEMENT) {
            f |= (flagByte & 0x80) != 0 ? ArpFrames.ND_ROUTER : 0;
            f |= (flagByte & 0x40) != 0 ? ArpFrames.ND_SOLICITED : 0;
            f |= (flagByte & 0x20) != 0 ? ArpFrames.ND_OVERRIDE : 0;
        }
        f |= fromUnspecified ? ArpFrames.ND_FROM_UNSPECIFIED : 0;
        f |= toAllNodes ? ArpFrames.ND_ALL_NODES : 0;
        return f;
    }

    /** The class of a Neighbor Solicitation (135) or Advertisement (136) with these ND flags. */
    static FrameClass classifyNdp(int icmpType, int ndFlags) {
        if (icmpType == ArpFrames.NEIGHBOR_SOLICITATION) {
            return (ndFlags & ArpFrames.ND_FROM_UNSPECIFIED) != 0 ? FrameClass.DAD_PROBE
                    : FrameClass.NEIGHBOR_SOLICITATION;
        }
        if ((ndFlags & ArpFrames.ND_SOLICITED) != 0) {
            return FrameClass.NA_REPLY;
        }
        if ((ndFlags & ArpFrames.ND_ALL_NODES) != 0) {
            return (ndFlags & ArpFrames.ND_OVERRIDE) != 0 ? FrameClass.NA_UNSOLICITED
                    : FrameClass.NA_UNSOLICITED_NO_OVERRIDE;
        }
        return FrameClass.NA_OTHER;
    }

    private static long u64(byte[] b, int o) {
        return (u32(b, o) << 32) | u32(b, o + 4);
    }

    /** Where an Ethernet frame's payload begins after its 802.1Q/802.1ad tags; -1 when a tag is cut short. */
    private static int afterTags(byte[] b, int length) {
        int type = u16(b, 12);
        int o = Ethernet.HEADER_LENGTH;
        while (type == EtherTypes.VLAN || type == EtherTypes.IEEE_802_1AD) {
            if (o + Vlan.TAG_LENGTH > length) {
                return -1;
            }
            type = u16(b, o + 2);
            o += Vlan.TAG_LENGTH;
        }
        return o;
    }

    /** The VLAN IDs of the tags between the Ethernet header and {@code end}, as a stack. */
    private static long tagStack(byte[] b, int end) {
        long stack = 0;
        for (int o = Ethernet.HEADER_LENGTH; o < end; o += Vlan.TAG_LENGTH) {
            stack = ArpFrames.pushVlan(stack, u16(b, o) & 0xFFF);
        }
        return stack;
    }

    /** An Ethernet/IPv4 ARP message: 8 bytes of header, two MACs, two IPv4 addresses. */
    private static final int ARP_LENGTH = 28;

    private static int u16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    private static long u32(byte[] b, int o) {
        return ((long) u16(b, o) << 16) | u16(b, o + 2);
    }

    private static long mac(byte[] b, int o) {
        return (u32(b, o) << 16) | u16(b, o + 4);
    }

    private void record(ArpFrames out, int frame, FrameInfo info) {
        long ethSrc = -1;
        long ethDst = -1;
        int pkttype = -1;
        long stack = 0;
        int opcode = -1;
        long sha = -1;
        long spa = -1;
        long tha = -1;
        long tpa = -1;
        boolean arp = false;
        boolean gratuitous = false;
        boolean probe = false;
        int flags = 0;
        String problem = null;
        Field mismatch = Arp.SENDER_MISMATCH.field();
        Field malformed = Dissector.MALFORMED.field();
        Field shortField = Dissector.SHORT.field();
        int icmpType = -1;
        int v6Src = -1;
        int v6Dst = -1;
        int ndTarget = -1;
        long naFlags = 0;
        long sll = -1;
        long tll = -1;
        for (int k = 0; k < d.size(); k++) {
            Field f = d.field(k);
            long v = d.value(k);
            if (f == Ethernet.SRC || f == Vlan.AH_CSRC || f == Sll.SRC_ETH) {
                ethSrc = v;
            } else if (f == Ethernet.DST || f == Vlan.AH_CDST) {
                ethDst = v;
            } else if (f == Sll.PKTTYPE_FIELD) {
                pkttype = (int) v;
            } else if (f == Vlan.ID || f == Vlan.AD_ID) {
                stack = ArpFrames.pushVlan(stack, (int) v);
            } else if (f == Arp.ARP) {
                arp = true;
            } else if (f == Arp.OPCODE) {
                opcode = (int) v;
            } else if (f == Arp.SRC_HW_MAC) {
                sha = v;
            } else if (f == Arp.SRC_PROTO_IPV4) {
                spa = v;
            } else if (f == Arp.DST_HW_MAC) {
                tha = v;
            } else if (f == Arp.DST_PROTO_IPV4) {
                tpa = v;
            } else if (f == Arp.IS_GRATUITOUS) {
                gratuitous = true;
            } else if (f == Arp.IS_PROBE) {
                probe = true;
            } else if (f == mismatch) {
                flags |= ArpFrames.MISMATCH;
            } else if (f == malformed) {
                flags |= ArpFrames.MALFORMED;
                problem = String.valueOf(d.object(k));
            } else if (f == shortField) {
                flags |= ArpFrames.SHORT;
                if (problem == null) {
                    problem = String.valueOf(d.object(k));
                }
            } else if (f == Ip.V6_SRC) {
                v6Src = d.offset(k);
            } else if (f == Ip.V6_DST) {
                v6Dst = d.offset(k);
            } else if (f == Icmpv6.TYPE) {
                icmpType = (int) v;
                ndTarget = -1;
                naFlags = 0;
                sll = -1;
                tll = -1;
            } else if (f == Icmpv6.NA_FLAG) {
                naFlags = v;
            } else if (f == Icmpv6.NS_TARGET || f == Icmpv6.NA_TARGET) {
                ndTarget = d.offset(k);
            } else if (f == Icmpv6.OPT_SRC_LINKADDR) {
                sll = sll < 0 ? v : sll;
            } else if (f == Icmpv6.OPT_TARGET_LINKADDR) {
                tll = tll < 0 ? v : tll;
            }
        }
        if ((stack >>> 48) == 0) {
            int tag = capture.vlanTag(frame);
            if (tag >= 0) {
                stack = ArpFrames.pushVlan(0, tag);
            }
        }
        if (!arp) {
            boolean ndp = icmpType == ArpFrames.NEIGHBOR_SOLICITATION || icmpType == ArpFrames.NEIGHBOR_ADVERTISEMENT;
            if (ndp && ndTarget >= 0 && v6Src >= 0 && v6Dst >= 0) {
                int ndFlags = ndFlags(icmpType, (int) (naFlags >>> 24), u64(buffer, v6Src) == 0
                        && u64(buffer, v6Src + 8) == 0, u64(buffer, v6Dst) == ALL_NODES_HI && u64(buffer, v6Dst + 8) == 1);
                int r = out.addNdp(frame, icmpType);
                out.time[r] = info.timeNanos();
                out.iface[r] = info.interfaceId();
                out.ethSrc[r] = ethSrc;
                out.ethDst[r] = ethDst;
                out.dest[r] = destination(ethDst, pkttype);
                out.vlans[r] = stack;
                out.ndTargetHi[r] = u64(buffer, ndTarget);
                out.ndTargetLo[r] = u64(buffer, ndTarget + 8);
                out.ndLinkAddr[r] = icmpType == ArpFrames.NEIGHBOR_SOLICITATION ? sll : tll;
                out.ndFlags[r] = (byte) ndFlags;
                out.cls[r] = classifyNdp(icmpType, ndFlags).code();
            }
            return;
        }
        int r = out.add();
        out.frame[r] = frame;
        out.time[r] = info.timeNanos();
        out.iface[r] = info.interfaceId();
        out.opcode[r] = opcode;
        out.ethSrc[r] = ethSrc;
        out.ethDst[r] = ethDst;
        out.dest[r] = destination(ethDst, pkttype);
        out.senderMac[r] = sha;
        out.senderIp[r] = spa;
        out.targetMac[r] = tha;
        out.targetIp[r] = tpa;
        out.vlans[r] = stack;
        out.flags[r] = flags | (d.isMalformed() && (flags & (ArpFrames.MALFORMED | ArpFrames.SHORT)) == 0
                ? ArpFrames.MALFORMED : 0);
        if (problem != null) {
            out.problems.put(r, problem);
        }
        out.cls[r] = classify(opcode, gratuitous, probe, sha, tha).code();
    }

    private static byte destination(long ethDst, int pkttype) {
        if (ethDst >= 0) {
            return Addresses.isBroadcast(ethDst) ? ArpFrames.DEST_BROADCAST : ArpFrames.DEST_OTHER;
        }
        // Linux cooked capture has no destination, only what the kernel made of it
        if (pkttype == Sll.PACKET_BROADCAST) {
            return ArpFrames.DEST_BROADCAST;
        }
        if (pkttype == Sll.PACKET_HOST || pkttype == Sll.PACKET_MULTICAST || pkttype == Sll.PACKET_OTHERHOST) {
            return ArpFrames.DEST_OTHER;
        }
        return ArpFrames.DEST_UNKNOWN;
    }

    static FrameClass classify(int opcode, boolean gratuitous, boolean probe, long sha, long tha) {
        if (sha < 0) {
            // cut short before its addresses, or not Ethernet: whether it was gratuitous cannot be told
            return FrameClass.OTHER;
        }
        switch (opcode) {
            case Arp.REVERSE_REQUEST:
                return tha >= 0 ? FrameClass.RARP_REQUEST : FrameClass.OTHER;
            case Arp.REVERSE_REPLY:
                return FrameClass.RARP_REPLY;
            case Arp.REQUEST:
                if (gratuitous) {
                    return FrameClass.GARP_REQUEST;
                }
                return probe ? FrameClass.ARP_PROBE : FrameClass.ARP_REQUEST;
            case Arp.REPLY:
                return gratuitous ? FrameClass.GARP_REPLY : FrameClass.ARP_REPLY;
            default:
                return FrameClass.OTHER;
        }
    }
}
