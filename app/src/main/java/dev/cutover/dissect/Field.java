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
 * @param id         a small dense number, so per-frame bookkeeping can use arrays instead of maps
 */
public record Field(String abbrev, String label, FieldType type, boolean hex, Map<Long, String> valueNames,
                    long mask, boolean generated, boolean hidden, String blurb, int id) {

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    public Field {
        Objects.requireNonNull(abbrev);
        Objects.requireNonNull(label);
        Objects.requireNonNull(type);
        valueNames = valueNames == null ? Map.of() : Map.copyOf(valueNames);
        blurb = blurb == null ? label : blurb;
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

    /** Starts a declaration; reads like Wireshark's table rows. */
    public static Builder of(String abbrev, String label, FieldType type) {
        return new Builder(abbrev, label, type);
    }

    /** Fluent construction of a {@link Field}. */
    public static final class Builder {
        private final String abbrev;
        private final String label;
        private final FieldType type;
        private boolean hex;
        private Map<Long, String> names = Map.of();
        private long mask;
        private boolean generated;
        private boolean hidden;
        private String blurb;

        private Builder(String abbrev, String label, FieldType type) {
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
            return new Field(abbrev, label, type, hex, names, mask, generated, hidden, blurb,
                    NEXT_ID.getAndIncrement());
        }
    }
}
