package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Vendors;
import dev.cutover.dissect.proto.Ethernet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; Endpoints by MAC: one row per MAC address seen as an Ethernet source or destination, a Linux
 * cooked capture's source, or an ARP sender. One pass over the frames; memory grows with the MACs, not the frames.
 */
public final class Endpoints {
    /** Claimed IPv4 addresses kept per MAC; past this they are only counted. */
    public static final int MAX_IPS = 256;
    /** MACs tracked; frames of further MACs are counted in {@link #untrackedFrames()} (a MAC flood). */
    public static final int MAX_ENDPOINTS = 1_000_000;

    private final List<Endpoint> rows;
    private final int framesRead;
    private final long untrackedFrames;

    private Endpoints(List<Endpoint> rows, int framesRead, long untrackedFrames) {
        this.rows = List.copyOf(rows);
        this.framesRead = framesRead;
        this.untrackedFrames = untrackedFrames;
    }

    /** Every frame of the capture. */
    public static Endpoints compute(Capture capture, LoadMonitor monitor) throws IOException {
        return compute(capture, monitor, null);
    }

    /**
     * The frames {@code include} accepts (all when null; the display filter's frames).
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public static Endpoints compute(Capture capture, LoadMonitor monitor, IntPredicate include) throws IOException {
        Map<Long, Acc> macs = new HashMap<>();
        int[] read = {0};
        long[] untracked = {0};
        LinkPass.run(capture, monitor, include, f -> {
            read[0]++;
            boolean tracked = true;
            long stack = f.vlanStack();
            if (f.ethSrc >= 0) {
                Acc a = acc(macs, f.ethSrc);
                if (a != null) {
                    a.seen(f, stack);
                    a.asEthernet = true;
                    a.framesSent++;
                    a.bytesSent += f.length;
                } else {
                    tracked = false;
                }
            } else if (f.sllSrc >= 0) {
                Acc a = acc(macs, f.sllSrc);
                if (a != null) {
                    a.seen(f, stack);
                    a.asSll = true;
                    a.framesSent++;
                    a.bytesSent += f.length;
                } else {
                    tracked = false;
                }
            }
            if (f.ethDst >= 0) {
                Acc a = acc(macs, f.ethDst);
                if (a != null) {
                    a.seen(f, stack);
                    a.asEthernet = true;
                    a.framesReceived++;
                    a.bytesReceived += f.length;
                } else {
                    tracked = false;
                }
            }
            if (f.arp && f.senderIp != 0) {
                Acc a = acc(macs, f.senderMac);
                if (a != null) {
                    if (f.senderMac != f.linkSource()) {
                        a.seen(f, stack); // a MAC claimed inside ARP by another station still appears here
                    }
                    a.claim(f.senderIp);
                }
            }
            if (!tracked) {
                untracked[0]++;
            }
        });
        List<String> names = capture.interfaces().stream().map(InterfaceInfo::name).toList();
        List<Endpoint> rows = new ArrayList<>(macs.size());
        for (Acc a : macs.values()) {
            rows.add(a.endpoint(names));
        }
        rows.sort(Comparator.comparingLong(Endpoint::frames).reversed().thenComparingLong(Endpoint::mac));
        return new Endpoints(rows, read[0], untracked[0]);
    }

    private static Acc acc(Map<Long, Acc> macs, long mac) {
        Acc a = macs.get(mac);
        if (a == null) {
            if (macs.size() >= MAX_ENDPOINTS) {
                return null;
            }
            a = new Acc(mac);
            macs.put(mac, a);
        }
        return a;
    }

    /** The rows, most frames first. */
    public List<Endpoint> rows() {
        return rows;
    }

    /** Frames looked at. */
    public int framesRead() {
        return framesRead;
    }

    /** Frames with a MAC past {@link #MAX_ENDPOINTS}, not counted in any row. */
    public long untrackedFrames() {
        return untrackedFrames;
    }

    /** The row of a MAC, or null. */
    public Endpoint find(long mac) {
        for (Endpoint e : rows) {
            if (e.mac() == mac) {
                return e;
            }
        }
        return null;
    }

    /** Wireshark's Copy &gt; as CSV: a header line, then one line per row, RFC 4180 quoting. */
    public static String csv(List<Endpoint> rows, java.util.function.IntFunction<String> time) {
        StringBuilder sb = new StringBuilder();
        sb.append("MAC,Vendor,IPs claimed (ARP),VLANs,Interfaces,First seen,Last seen,Frames sent,Frames received,"
                + "Bytes sent,Bytes received,Bytes\r\n");
        for (Endpoint e : rows) {
            Csv.row(sb, e.macText(), e.vendor(), e.ipsText(), e.vlansText(), e.interfacesText(),
                    time.apply(e.firstFrame()), time.apply(e.lastFrame()), Long.toString(e.framesSent()),
                    Long.toString(e.framesReceived()), Long.toString(e.bytesSent()), Long.toString(e.bytesReceived()),
                    Long.toString(e.bytes()));
        }
        return sb.toString();
    }

    /** The accumulator of one MAC. */
    private static final class Acc {
        final long mac;
        int firstFrame = -1;
        long firstNanos;
        int lastFrame = -1;
        long lastNanos;
        long framesSent;
        long framesReceived;
        long bytesSent;
        long bytesReceived;
        boolean asEthernet;
        boolean asSll;
        long[] ips = new long[0];
        int ipCount;
        boolean moreIps;
        long[] vlans = new long[1];
        int vlanCount;
        int[] interfaces = new int[1];
        int interfaceCount;

        Acc(long mac) {
            this.mac = mac;
        }

        void seen(LinkFacts f, long stack) {
            if (lastFrame == f.frame) {
                return; // source and destination, or sender, of the same frame
            }
            if (firstFrame < 0) {
                firstFrame = f.frame;
                firstNanos = f.timeNanos;
            }
            lastFrame = f.frame;
            lastNanos = f.timeNanos;
            if (indexOf(vlans, vlanCount, stack) < 0) {
                if (vlanCount == vlans.length) {
                    vlans = Arrays.copyOf(vlans, vlanCount * 2);
                }
                vlans[vlanCount++] = stack;
            }
            boolean known = false;
            for (int i = 0; i < interfaceCount; i++) {
                known |= interfaces[i] == f.interfaceId;
            }
            if (!known) {
                if (interfaceCount == interfaces.length) {
                    interfaces = Arrays.copyOf(interfaces, interfaceCount * 2);
                }
                interfaces[interfaceCount++] = f.interfaceId;
            }
        }

        void claim(long ip) {
            if (indexOf(ips, ipCount, ip) >= 0) {
                return;
            }
            if (ipCount == MAX_IPS) {
                moreIps = true;
                return;
            }
            if (ipCount == ips.length) {
                ips = Arrays.copyOf(ips, Math.max(2, ipCount * 2));
            }
            ips[ipCount++] = ip;
        }

        private static int indexOf(long[] a, int n, long v) {
            for (int i = 0; i < n; i++) {
                if (a[i] == v) {
                    return i;
                }
            }
            return -1;
        }

        Endpoint endpoint(List<String> names) {
            String vendor = Vendors.bundled().of(mac);
            if (vendor == null) {
                vendor = Ethernet.groupName(mac);
            }
            List<Long> ipList = new ArrayList<>(ipCount);
            for (int i = 0; i < ipCount; i++) {
                ipList.add(ips[i]);
            }
            long[] v = Arrays.copyOf(vlans, vlanCount);
            Arrays.sort(v);
            List<Long> vlanList = new ArrayList<>(vlanCount);
            for (long s : v) {
                vlanList.add(s);
            }
            List<String> ifs = new ArrayList<>(interfaceCount);
            for (int i = 0; i < interfaceCount; i++) {
                int id = interfaces[i];
                ifs.add(id < names.size() ? names.get(id) : "if" + id);
            }
            return new Endpoint(mac, vendor == null ? "" : vendor, ipList, moreIps, vlanList, ifs, firstFrame,
                    firstNanos, lastFrame, lastNanos, framesSent, framesReceived, bytesSent, bytesReceived,
                    asEthernet, asSll);
        }
    }
}
