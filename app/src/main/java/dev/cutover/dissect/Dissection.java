package dev.cutover.dissect;

import java.util.Arrays;

/**
 * The decoded fields of one frame, as flat parallel arrays in tree (pre-order) order: each node has a field,
 * the byte range it covers, a value and a parent. One instance is reused frame after frame in bulk scans,
 * so decoding allocates nothing per field; it must not escape the loop that fills it.
 */
public final class Dissection {
    private static final int INITIAL = 64;

    private byte[] data = new byte[0];
    private int capturedLength;

    private int count;
    private int objectCount;
    private Field[] fields = new Field[INITIAL];
    private int[] offsets = new int[INITIAL];
    private int[] lengths = new int[INITIAL];
    private long[] values = new long[INITIAL];
    private Object[] objects = new Object[INITIAL];
    private int[] parents = new int[INITIAL];

    private final int[] openStack = new int[256];
    private int openDepth;

    private final StringBuilder protocols = new StringBuilder(64);
    private final StringBuilder info = new StringBuilder(96);
    private String protocolColumn = "";
    private int addressKind;
    private long sourceAddress;
    private long destinationAddress;
    private boolean malformed;
    private Severity worst;
    private Vendors vendors;

    /** The vendor table the frame was decoded with, which its MACs are shown with too. */
    public Vendors vendors() {
        return vendors != null ? vendors : Vendors.bundled();
    }

    /** Set by the {@link Dissector} that fills this dissection. */
    void useVendors(Vendors table) {
        this.vendors = table;
    }

    /** Starts a new frame over {@code data[0..capturedLength)}; the array is referenced, not copied. */
    public void reset(byte[] frameData, int frameCapturedLength) {
        if (objectCount > 0) {
            Arrays.fill(objects, 0, count, null);
            objectCount = 0;
        }
        this.data = frameData;
        this.capturedLength = frameCapturedLength;
        count = 0;
        openDepth = 0;
        protocols.setLength(0);
        info.setLength(0);
        protocolColumn = "";
        addressKind = 0;
        malformed = false;
        worst = null;
    }

    public byte[] data() {
        return data;
    }

    public int capturedLength() {
        return capturedLength;
    }

    // ---- recording ----

    /** Records a field whose value is a number (integers, booleans, MACs, IPv4, times). Returns its node. */
    public int add(Field field, int offset, int length, long value) {
        return append(field, offset, length, value, null);
    }

    /** Records a field whose value is an object (strings); byte fields need none: their value is their bytes. */
    public int addObject(Field field, int offset, int length, Object value) {
        return append(field, offset, length, 0, value);
    }

    /** Records an expert info at the given bytes, with its message. */
    public int addExpert(Expert expert, int offset, int length, String message) {
        if (worst == null || expert.severity().compareTo(worst) > 0) {
            worst = expert.severity();
        }
        return append(expert.field(), offset, length, expert.severity().ordinal(), message);
    }

    /**
     * Inserts an expert info at {@code at} under {@code parent} (a fact found after the decode, as the traffic
     * analysis's), counted in {@link #worstSeverity()} as a recorded one is.
     */
    public int insertExpert(int at, int parent, Expert expert) {
        return insertExpert(at, parent, expert, expert.text());
    }

    /** As {@link #insertExpert(int, int, Expert)}, with its message ({@code expert}'s text with its value filled). */
    public int insertExpert(int at, int parent, Expert expert, String message) {
        if (worst == null || expert.severity().compareTo(worst) > 0) {
            worst = expert.severity();
        }
        return insert(at, parent, expert.field(), expert.severity().ordinal(), message);
    }

    /** Makes {@code node} the parent of the nodes recorded next, until {@link #close()}. */
    public void open(int node) {
        if (openDepth < openStack.length) {
            openStack[openDepth++] = node;
        }
    }

    /** How many nodes are open as parents (for unwinding after a decode error). */
    public int depthOpen() {
        return openDepth;
    }

    /** The innermost open node; only valid when {@link #depthOpen()} is positive. */
    public int openNode() {
        return openStack[openDepth - 1];
    }

    public void close() {
        if (openDepth > 0) {
            openDepth--;
        }
    }

    /** Sets an object value once it is known (frame.protocols, filled in after the layers below it). */
    public void setObject(int node, Object value) {
        objects[node] = value;
        objectCount++;
    }

    /** Widens a node (a protocol whose length is known only once its payload is decoded). */
    public void setLength(int node, int length) {
        lengths[node] = length;
    }

    private int append(Field field, int offset, int length, long value, Object object) {
        if (count == fields.length) {
            grow();
        }
        int i = count++;
        fields[i] = field;
        offsets[i] = offset;
        lengths[i] = length;
        values[i] = value;
        if (object != null) {
            // Most nodes have none; skipping the store spares the collector's write barrier.
            objects[i] = object;
            objectCount++;
        }
        parents[i] = openDepth == 0 ? -1 : openStack[openDepth - 1];
        return i;
    }

    /**
     * Records a generated field (no bytes of its own) at position {@code at} of the pre-order, as a child of
     * {@code parent}, moving the nodes from {@code at} on one place along: a fact known only after the frame is
     * decoded (a cross-frame analysis) shown where the protocol would have put it. {@code at} must end a subtree of
     * {@code parent} or precede one of its children, and no node may be open. Returns the new node.
     */
    public int insert(int at, int parent, Field field, long value, Object object) {
        if (at < 0 || at > count || parent >= at || openDepth > 0) {
            throw new IllegalArgumentException("cannot insert at " + at + " under " + parent + " of " + count);
        }
        if (count == fields.length) {
            grow();
        }
        int moved = count - at;
        System.arraycopy(fields, at, fields, at + 1, moved);
        System.arraycopy(offsets, at, offsets, at + 1, moved);
        System.arraycopy(lengths, at, lengths, at + 1, moved);
        System.arraycopy(values, at, values, at + 1, moved);
        System.arraycopy(objects, at, objects, at + 1, moved);
        System.arraycopy(parents, at, parents, at + 1, moved);
        count++;
        for (int i = at + 1; i < count; i++) {
            if (parents[i] >= at) {
                parents[i]++;
            }
        }
        fields[at] = field;
        offsets[at] = 0;
        lengths[at] = 0;
        values[at] = value;
        objects[at] = object;
        if (object != null) {
            objectCount++;
        }
        parents[at] = parent;
        return at;
    }

    /** The position just after the last node under {@code node} (its subtree's end in the pre-order). */
    public int subtreeEnd(int node) {
        int depth = depth(node);
        int i = node + 1;
        while (i < count && depth(i) > depth) {
            i++;
        }
        return i;
    }

    private void grow() {
        int n = fields.length * 2;
        fields = Arrays.copyOf(fields, n);
        offsets = Arrays.copyOf(offsets, n);
        lengths = Arrays.copyOf(lengths, n);
        values = Arrays.copyOf(values, n);
        objects = Arrays.copyOf(objects, n);
        parents = Arrays.copyOf(parents, n);
    }

    public void appendProtocol(String name) {
        if (protocols.length() > 0) {
            protocols.append(':');
        }
        protocols.append(name);
    }

    public StringBuilder info() {
        return info;
    }

    public void setProtocolColumn(String protocol) {
        this.protocolColumn = protocol;
    }

    /** Address kinds for the Source/Destination columns, formatted only when a column is shown. */
    public static final int MAC_ADDRESSES = 1;
    public static final int IPV4_ADDRESSES = 2;
    /** IPv6: the values are the byte offsets of the two addresses. */
    public static final int IPV6_ADDRESSES = 3;
    /** Only a source MAC (Linux cooked capture has no destination). */
    public static final int SOURCE_MAC_ONLY = 4;

    /** Sets the Source/Destination columns; the innermost layer that sets them wins, as in Wireshark. */
    public void setAddressColumns(int kind, long source, long destination) {
        this.addressKind = kind;
        this.sourceAddress = source;
        this.destinationAddress = destination;
    }

    public void markMalformed() {
        malformed = true;
    }

    // ---- reading ----

    public int size() {
        return count;
    }

    public Field field(int node) {
        return fields[node];
    }

    public int offset(int node) {
        return offsets[node];
    }

    public int length(int node) {
        return lengths[node];
    }

    public long value(int node) {
        return values[node];
    }

    public Object object(int node) {
        return objects[node];
    }

    /** The parent node, or -1 for a top-level protocol. */
    public int parent(int node) {
        return parents[node];
    }

    public int depth(int node) {
        int d = 0;
        for (int p = parents[node]; p >= 0; p = parents[p]) {
            d++;
        }
        return d;
    }

    /** The first node of the field, or -1. */
    public int find(Field field) {
        return find(field, 0);
    }

    /** The first node of the field at or after {@code from}, or -1. */
    public int find(Field field, int from) {
        for (int i = from; i < count; i++) {
            if (fields[i] == field) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(Field field) {
        return find(field) >= 0;
    }

    /** The first value of a numeric field, or {@code absent} when the frame has none. */
    public long valueOf(Field field, long absent) {
        int i = find(field);
        return i < 0 ? absent : values[i];
    }

    /** The severity of an expert node, or null for other nodes. */
    public Severity severity(int node) {
        return fields[node].type() == FieldType.NONE && objects[node] instanceof String && fields[node].generated()
                ? Severity.values()[(int) values[node]] : null;
    }

    /** The deepest shown node whose bytes include {@code offset}, or -1 (the hex view's click); hidden fields are not shown. */
    public int deepestAt(int offset) {
        int best = -1;
        int bestDepth = -1;
        for (int i = 0; i < count; i++) {
            if (lengths[i] > 0 && offset >= offsets[i] && offset < offsets[i] + lengths[i] && !fields[i].hidden()) {
                int d = depth(i);
                if (d >= bestDepth) {
                    best = i;
                    bestDepth = d;
                }
            }
        }
        return best;
    }

    /** Wireshark's {@code frame.protocols}: the protocols in decode order, colon-separated. */
    public String protocolPath() {
        return protocols.toString();
    }

    public String protocolColumn() {
        return protocolColumn;
    }

    public String sourceColumn() {
        return addressText(sourceAddress, true);
    }

    public String destinationColumn() {
        return addressText(destinationAddress, false);
    }

    private String addressText(long value, boolean source) {
        switch (addressKind) {
            case MAC_ADDRESSES:
                return source ? Addresses.mac(value) : destinationName(value);
            case SOURCE_MAC_ONLY:
                return source ? Addresses.mac(value) : "";
            case IPV4_ADDRESSES:
                return Addresses.ipv4(value);
            case IPV6_ADDRESSES:
                return Addresses.ipv6(data, (int) value);
            default:
                return "";
        }
    }

    private static String destinationName(long mac) {
        return Addresses.isBroadcast(mac) ? "Broadcast" : Addresses.mac(mac);
    }

    public String infoColumn() {
        return info.toString();
    }

    public boolean isMalformed() {
        return malformed;
    }

    /** The highest expert severity in the frame, or null when there is none. */
    public Severity worstSeverity() {
        return worst;
    }
}
