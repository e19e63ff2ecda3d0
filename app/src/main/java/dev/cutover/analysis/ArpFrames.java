package dev.cutover.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The facts of every ARP-family frame of a capture, one row each in parallel primitive arrays (a few percent of
 * a capture's frames, so a row per frame here is affordable where an object per frame would not be).
 */
final class ArpFrames {
    static final byte DEST_UNKNOWN = 0;
    static final byte DEST_BROADCAST = 1;
    static final byte DEST_OTHER = 2;

    static final int MISMATCH = 1;
    static final int MALFORMED = 2;
    static final int SHORT = 4;

    static final byte ND_ROUTER = 1;
    static final byte ND_SOLICITED = 2;
    static final byte ND_OVERRIDE = 4;
    /** Sent to ff02::1. */
    static final byte ND_ALL_NODES = 8;
    /** Sent from ::, as a duplicate address detection probe is. */
    static final byte ND_FROM_UNSPECIFIED = 16;
    /** The ICMPv6 types an NDP row stores in {@code opcode}. */
    static final int NEIGHBOR_SOLICITATION = 135;
    static final int NEIGHBOR_ADVERTISEMENT = 136;

    int count;
    int[] frame;
    long[] time;
    int[] iface;
    byte[] cls;
    int[] opcode;
    long[] ethSrc;
    long[] ethDst;
    byte[] dest;
    long[] senderMac;
    long[] senderIp;
    long[] targetMac;
    long[] targetIp;
    long[] vlans;
    int[] flags;
    /**
     * IPv6 neighbour discovery rows only (null until the first such row): the target address in two halves, the
     * link-layer address its option carries (target's for an advertisement, source's for a solicitation; -1 when
     * none), and {@link #ND_ROUTER}, {@link #ND_SOLICITED}, {@link #ND_OVERRIDE}, {@link #ND_ALL_NODES},
     * {@link #ND_FROM_UNSPECIFIED}. An NDP row has no ARP sender or target ({@code senderMac} and the rest are -1)
     * and the ICMPv6 type (135, 136) as its {@code opcode}, so that no ARP rule takes it for ARP.
     */
    long[] ndTargetHi;
    long[] ndTargetLo;
    long[] ndLinkAddr;
    byte[] ndFlags;
    /** Every global IPv6 source address each MAC sent from, with its first frame: what a VM used before a move. */
    V6Sources v6Sources;
    /** DHCP messages seen, in frame order: the client's MAC and the time (a host that just came up). */
    int dhcpCount;
    long[] dhcpMac = new long[8];
    long[] dhcpTime = new long[8];
    int[] dhcpFrame = new int[8];
    // the expert text of malformed rows, by row; rare
    final java.util.Map<Integer, String> problems = new java.util.HashMap<>();

    ArpFrames() {
        this(64);
    }

    /** Room for {@code capacity} rows before the arrays grow. */
    ArpFrames(int capacity) {
        int n = Math.max(1, capacity);
        frame = new int[n];
        time = new long[n];
        iface = new int[n];
        cls = new byte[n];
        opcode = new int[n];
        ethSrc = new long[n];
        ethDst = new long[n];
        dest = new byte[n];
        senderMac = new long[n];
        senderIp = new long[n];
        targetMac = new long[n];
        targetIp = new long[n];
        vlans = new long[n];
        flags = new int[n];
    }

    int add() {
        if (count == frame.length) {
            int n = count * 2;
            frame = Arrays.copyOf(frame, n);
            time = Arrays.copyOf(time, n);
            iface = Arrays.copyOf(iface, n);
            cls = Arrays.copyOf(cls, n);
            opcode = Arrays.copyOf(opcode, n);
            ethSrc = Arrays.copyOf(ethSrc, n);
            ethDst = Arrays.copyOf(ethDst, n);
            dest = Arrays.copyOf(dest, n);
            senderMac = Arrays.copyOf(senderMac, n);
            senderIp = Arrays.copyOf(senderIp, n);
            targetMac = Arrays.copyOf(targetMac, n);
            targetIp = Arrays.copyOf(targetIp, n);
            vlans = Arrays.copyOf(vlans, n);
            flags = Arrays.copyOf(flags, n);
            if (ndFlags != null) {
                ndTargetHi = Arrays.copyOf(ndTargetHi, n);
                ndTargetLo = Arrays.copyOf(ndTargetLo, n);
                ndLinkAddr = Arrays.copyOf(ndLinkAddr, n);
                ndFlags = Arrays.copyOf(ndFlags, n);
            }
        }
        return count++;
    }

    /**
     * A copy without the rows {@code drop} marks: the same columns, rows in the same order, the malformed rows'
     * texts moved to their new row numbers; the DHCP messages and IPv6 sources (not rows) are shared.
     */
    ArpFrames keep(boolean[] drop) {
        int kept = 0;
        for (int r = 0; r < count; r++) {
            if (!drop[r]) {
                kept++;
            }
        }
        ArpFrames out = new ArpFrames(kept);
        if (ndFlags != null) {
            out.ensureNdp();
        }
        for (int r = 0; r < count; r++) {
            if (drop[r]) {
                continue;
            }
            out.copyRow(this, r);
        }
        out.v6Sources = v6Sources;
        out.dhcpCount = dhcpCount;
        out.dhcpMac = dhcpMac;
        out.dhcpTime = dhcpTime;
        out.dhcpFrame = dhcpFrame;
        return out;
    }

    /** Makes room for the neighbour discovery columns (an ARP-only capture never has them). */
    void ensureNdp() {
        if (ndFlags == null) {
            int n = frame.length;
            ndTargetHi = new long[n];
            ndTargetLo = new long[n];
            ndLinkAddr = new long[n];
            ndFlags = new byte[n];
        }
    }

    /** True when row {@code r} is IPv6 neighbour discovery, not ARP. */
    boolean isNdp(int r) {
        return classOf(r).isNdp();
    }

    /** Adds an NDP row with no ARP facts; the caller sets the time, interface, link and ND columns. */
    int addNdp(int frameNumber, int type) {
        ensureNdp();
        int r = add();
        frame[r] = frameNumber;
        opcode[r] = type;
        senderMac[r] = -1;
        senderIp[r] = -1;
        targetMac[r] = -1;
        targetIp[r] = -1;
        flags[r] = 0;
        return r;
    }

    /** The MAC an NDP row speaks for: its link-layer option when it has one, else its Ethernet source. */
    long ndMac(int r) {
        return ndLinkAddr[r] >= 0 ? ndLinkAddr[r] : ethSrc[r];
    }

    /** The target address of NDP row {@code r} as text: "2001:db8::10". */
    String ndTargetText(int r) {
        return ipv6Text(ndTargetHi[r], ndTargetLo[r]);
    }

    static String ipv6Text(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return dev.cutover.dissect.Addresses.ipv6(b, 0);
    }

    void addV6Source(long mac, long hi, long lo, int frameNumber, long timeNanos) {
        if (v6Sources == null) {
            v6Sources = new V6Sources();
        }
        v6Sources.add(mac, hi, lo, frameNumber, timeNanos);
    }

    void addDhcp(int frameNumber, long time, long mac) {
        if (dhcpCount == dhcpMac.length) {
            int n = dhcpCount * 2;
            dhcpMac = Arrays.copyOf(dhcpMac, n);
            dhcpTime = Arrays.copyOf(dhcpTime, n);
            dhcpFrame = Arrays.copyOf(dhcpFrame, n);
        }
        dhcpMac[dhcpCount] = mac;
        dhcpTime[dhcpCount] = time;
        dhcpFrame[dhcpCount++] = frameNumber;
    }

    /** Appends the rows of a later part of the capture. */
    void append(ArpFrames o) {
        mergeV6Sources(o);
        for (int i = 0; i < o.dhcpCount; i++) {
            addDhcp(o.dhcpFrame[i], o.dhcpTime[i], o.dhcpMac[i]);
        }
        for (int i = 0; i < o.count; i++) {
            copyRow(o, i);
        }
    }



    /**
     * Merges the rows and DHCP messages of {@code b} into this one, both in frame order with no frame in both, in
     * place: the rows of a tapped capture are most of them, and a second full copy of them is tens of megabytes.
     */
    void mergeIn(ArpFrames b) {
        mergeV6Sources(b);
        if (b.ndFlags != null) {
            ensureNdp();
        }
        if (b.dhcpCount > 0) {
            ArpFrames d = new ArpFrames(1);
            int i = 0;
            int j = 0;
            while (i < dhcpCount || j < b.dhcpCount) {
                if (j >= b.dhcpCount || (i < dhcpCount && dhcpFrame[i] < b.dhcpFrame[j])) {
                    d.addDhcp(dhcpFrame[i], dhcpTime[i], dhcpMac[i]);
                    i++;
                } else {
                    d.addDhcp(b.dhcpFrame[j], b.dhcpTime[j], b.dhcpMac[j]);
                    j++;
                }
            }
            dhcpCount = d.dhcpCount;
            dhcpMac = d.dhcpMac;
            dhcpTime = d.dhcpTime;
            dhcpFrame = d.dhcpFrame;
        }
        if (b.count == 0) {
            return;
        }
        int n = count + b.count;
        while (frame.length < n) {
            count = frame.length;
            add(); // grows every array
        }
        java.util.Map<Integer, String> own = new java.util.HashMap<>(problems);
        problems.clear();
        // from the back, so that no row is overwritten before it has moved
        int i = n - b.count - 1;
        int j = b.count - 1;
        for (int k = n - 1; k >= 0; k--) {
            if (j < 0 || (i >= 0 && frame[i] > b.frame[j])) {
                moveRow(i, k);
                String p = own.isEmpty() ? null : own.get(i);
                if (p != null) {
                    problems.put(k, p);
                }
                i--;
            } else {
                setRow(k, b, j);
                String p = b.problems.isEmpty() ? null : b.problems.get(j);
                if (p != null) {
                    problems.put(k, p);
                }
                j--;
            }
        }
        count = n;
    }

    private void mergeV6Sources(ArpFrames o) {
        if (o.v6Sources != null) {
            if (v6Sources == null) {
                v6Sources = new V6Sources();
            }
            v6Sources.addAll(o.v6Sources);
        }
    }

    private void moveRow(int from, int to) {
        if (from == to) {
            return;
        }
        setRow(to, this, from);
    }

    private void setRow(int r, ArpFrames o, int i) {
        frame[r] = o.frame[i];
        time[r] = o.time[i];
        iface[r] = o.iface[i];
        cls[r] = o.cls[i];
        opcode[r] = o.opcode[i];
        ethSrc[r] = o.ethSrc[i];
        ethDst[r] = o.ethDst[i];
        dest[r] = o.dest[i];
        senderMac[r] = o.senderMac[i];
        senderIp[r] = o.senderIp[i];
        targetMac[r] = o.targetMac[i];
        targetIp[r] = o.targetIp[i];
        vlans[r] = o.vlans[i];
        flags[r] = o.flags[i];
        if (o.ndFlags != null) {
            ensureNdp();
            ndTargetHi[r] = o.ndTargetHi[i];
            ndTargetLo[r] = o.ndTargetLo[i];
            ndLinkAddr[r] = o.ndLinkAddr[i];
            ndFlags[r] = o.ndFlags[i];
        } else if (ndFlags != null) {
            ndTargetHi[r] = 0;
            ndTargetLo[r] = 0;
            ndLinkAddr[r] = -1;
            ndFlags[r] = 0;
        }
    }

    /** Appends row {@code i} of {@code o}. */
    private void copyRow(ArpFrames o, int i) {
        int r = add();
        setRow(r, o, i);
        String p = o.problems.isEmpty() ? null : o.problems.get(i);
        if (p != null) {
            problems.put(r, p);
        }
    }

    FrameClass classOf(int row) {
        return FrameClass.ofCode(cls[row]);
    }

    /** The row of a 0-based frame number, or -1 when that frame is not ARP-family. */
    int rowOf(int frameNumber) {
        int r = Arrays.binarySearch(frame, 0, count, frameNumber);
        return r < 0 ? -1 : r;
    }

    /** The MAC a RARP request announces: its target hardware address (sender and target are the same in a
     * notification). */
    long announcedMac(int row) {
        return targetMac[row];
    }

    // ---- VLAN stacks, packed: count in bits 48-50, up to four 12-bit VIDs outer first ----

    static long pushVlan(long stack, int vid) {
        int n = (int) (stack >>> 48);
        if (n >= 4) {
            return stack;
        }
        return ((long) (n + 1) << 48) | (stack & 0xFFFF_FFFF_FFFFL) | ((long) (vid & 0xFFF) << (36 - 12 * n));
    }

    static List<Integer> vlanList(long stack) {
        int n = (int) (stack >>> 48);
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add((int) (stack >>> (36 - 12 * i)) & 0xFFF);
        }
        return l;
    }

    /** "10", "100.10" for Q-in-Q, "untagged". */
    static String vlanText(long stack) {
        List<Integer> l = vlanList(stack);
        if (l.isEmpty()) {
            return "untagged";
        }
        StringBuilder sb = new StringBuilder();
        for (int v : l) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
