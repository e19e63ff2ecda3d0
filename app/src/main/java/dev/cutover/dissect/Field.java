package dev.cutover.dissect;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One declared field, Wireshark's {@code hf_register_info} row: the details tree, the hex highlight, the
 * display filter and every export read this single declaration.
 *
 * @param abbrev     the filter name, e.g. {@code arp.opcode}
 * @param label      what the details tree shows before the value
 * @param type       the value type
 * @param hex        integers shown in hexadecimal ({@code 0x8035}) rather than decimal
 * @param valueNames names of integer values (opcodes, EtherTypes), or an empty map
 * @param mask       for bit fields, the bits within the covered bytes; 0 when the field is whole bytes
 * @param generated  a computed fact, shown in brackets, covering no bytes of its own
 * @param hidden     recorded for filters and exports but not shown in the tree (eth.addr)
 * @param blurb      one sentence for the field catalogue
 * @param source     where the value comes from: how deep a frame must be decoded for it, and whether the
 *                   migration analysis or the annotations must be bound for it to be there
 * @param id         a small dense number, so per-frame bookkeeping can use arrays instead of maps
 */
public record Field(String abbrev, String label, FieldType type, boolean hex, Map<Long, String> valueNames,
                    long mask, boolean generated, boolean hidden, String blurb, Source source, int id) {

    /**
     * Who produces a field's value. Everything else (decode depth, whether a filter or a column needs the
     * analysis or the annotations) is derived from this, never listed by hand.
     */
    public enum Source {
        /** The capture file's record of the frame: number, times, lengths, interface. */
        RECORD(Layer.FRAME),
        /** The link-layer headers (Ethernet, 802.1Q/ad/ah, SLL, LLC), decoded before the payload. */
        LINK(Layer.LINK),
        /** The payload's dissectors (ARP, IP, TCP, ...), or a fact that needs every protocol decoded. */
        PAYLOAD(Layer.ALL),
        /** Bytes after the payload (padding, trailer, FCS): where they begin is known once the payload is read. */
        TRAILER(Layer.ALL),
        /** The migration analysis of the whole capture set (migration.class, migration.finding, ...). */
        ANALYSIS(Layer.FRAME),
        /** The file's packet comments and the user's annotations ({@code frame.comment}). */
        ANNOTATIONS(Layer.FRAME),
        /**
         * The cross-frame analysis of ICMP echo and TCP over the whole capture (icmp.resp_in, tcp.stream,
         * tcp.analysis.retransmission, ...), shown under the ICMP or TCP node, so the frame is decoded in full.
         */
        TRAFFIC(Layer.ALL);

        private final Layer depth;

        Source(Layer depth) {
            this.depth = depth;
        }

        /** How deep a frame must be decoded for a value of this source to be there. */
        public Layer depth() {
            return depth;
        }
    }

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    public Field {
        Objects.requireNonNull(abbrev);
        Objects.requireNonNull(label);
        Objects.requireNonNull(type);
        Objects.requireNonNull(source, "every field says where its value comes from");
        valueNames = valueNames == null ? Map.of() : Map.copyOf(valueNames);
        blurb = blurb == null ? label : blurb;
    }

    /**
     * As the record's own: every component equal. Written out because the record's is made from method handles at
     * its first call, which for eleven components spins some seventy classes and keeps the JIT compiling the class
     * writer for the better part of a second of a short command.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Field f && id == f.id && hex == f.hex && mask == f.mask && generated == f.generated
                && hidden == f.hidden && type == f.type && source == f.source && abbrev.equals(f.abbrev)
                && label.equals(f.label) && valueNames.equals(f.valueNames) && blurb.equals(f.blurb);
    }

    /** As the record's own: the components' hashes combined in order, {@code 31 * h + hash}. */
    @Override
    public int hashCode() {
        int h = abbrev.hashCode();
        h = 31 * h + label.hashCode();
        h = 31 * h + type.hashCode();
        h = 31 * h + Boolean.hashCode(hex);
        h = 31 * h + valueNames.hashCode();
        h = 31 * h + Long.hashCode(mask);
        h = 31 * h + Boolean.hashCode(generated);
        h = 31 * h + Boolean.hashCode(hidden);
        h = 31 * h + blurb.hashCode();
        h = 31 * h + source.hashCode();
        return 31 * h + Integer.hashCode(id);
    }

    /** The protocol a field belongs to: the part of the name before the first dot. */
    public String protocol() {
        int dot = abbrev.indexOf('.');
        return dot < 0 ? abbrev : abbrev.substring(0, dot);
    }

    /** One more than the largest {@link #id()} handed out so far. */
    public static int idLimit() {
        return NEXT_ID.get();
    }

    public String valueName(long value) {
        return valueNames.get(value);
    }

    /** Starts a declaration whose value comes from {@code source}; reads like Wireshark's table rows. */
    public static Builder of(Source source, String abbrev, String label, FieldType type) {
        return new Builder(source, abbrev, label, type);
    }

    /** A field of the capture file's frame record. */
    public static Builder record(String abbrev, String label, FieldType type) {
        return of(Source.RECORD, abbrev, label, type);
    }

    /** A field the link-layer dissectors produce. */
    public static Builder link(String abbrev, String label, FieldType type) {
        return of(Source.LINK, abbrev, label, type);
    }

    /** A field the payload's dissectors produce. */
    public static Builder payload(String abbrev, String label, FieldType type) {
        return of(Source.PAYLOAD, abbrev, label, type);
    }

    /** A field of the bytes after the payload. */
    public static Builder trailer(String abbrev, String label, FieldType type) {
        return of(Source.TRAILER, abbrev, label, type);
    }

    /** A field the migration analysis produces. */
    public static Builder analysis(String abbrev, String label, FieldType type) {
        return of(Source.ANALYSIS, abbrev, label, type);
    }

    /** A field the cross-frame analysis of ICMP echo and TCP produces. */
    public static Builder traffic(String abbrev, String label, FieldType type) {
        return of(Source.TRAFFIC, abbrev, label, type);
    }

    /** A field the annotations (and the file's comments) produce. */
    public static Builder annotations(String abbrev, String label, FieldType type) {
        return of(Source.ANNOTATIONS, abbrev, label, type);
    }

    /** Fluent construction of a {@link Field}. */
    public static final class Builder {
        private final Source source;
        private final String abbrev;
        private final String label;
        private final FieldType type;
        private boolean hex;
        private Map<Long, String> names = Map.of();
        private long mask;
        private boolean generated;
        private boolean hidden;
        private String blurb;

        private Builder(Source source, String abbrev, String label, FieldType type) {
            this.source = source;
            this.abbrev = abbrev;
            this.label = label;
            this.type = type;
        }

        public Builder hex() { hex = true; return this; }
        public Builder names(Map<Long, String> valueNames) { names = valueNames; return this; }
        public Builder mask(long bits) { mask = bits; return this; }
        public Builder generated() { generated = true; return this; }
        public Builder hidden() { hidden = true; return this; }
        public Builder blurb(String text) { blurb = text; return this; }

        public Field build() {
            return new Field(abbrev, label, type, hex, names, mask, generated, hidden, blurb, source,
                    NEXT_ID.getAndIncrement());
        }
    }
}
