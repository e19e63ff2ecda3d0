package dev.cutover.frames;

import dev.cutover.annotations.Annotation;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.FrameProto;
import dev.cutover.dissect.proto.Vlan;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of frames, declared once and shared by the packet list and the CSV export: its id (what
 * preferences and {@code --columns} use), its title, what computing it needs, and its value. A field of the
 * catalogue is a column too ({@link #ofField}).
 *
 * @param id    "source", or a field's filter name
 * @param title "Source", as the list's header and the CSV's first row show it
 * @param needs how deep a frame must be decoded for the value, and whether the analysis or annotations must be bound
 * @param value the text of a frame's cell
 */
public record Column(String id, String title, Needs needs, Value value) {

    /** A cell's text from the frame's record, its decode (as deep as {@link #needs}) and its annotation. */
    @FunctionalInterface
    public interface Value {
        String of(FrameInfo info, Dissection d, Annotation annotation);
    }

    public static final Column NUMBER = new Column("no", "No.", needs(FrameProto.NUMBER),
            (i, d, a) -> Integer.toString(i.number()));
    /** Seconds since the first frame, as the list shows by default (the list offers other time formats). */
    public static final Column TIME = new Column("time", "Time", needs(FrameProto.TIME_RELATIVE),
            (i, d, a) -> FieldFormat.seconds(i.relativeNanos()));
    public static final Column INTERFACE = new Column("interface", "Interface", needs(FrameProto.INTERFACE_NAME),
            (i, d, a) -> i.interfaceName());
    public static final Column SOURCE = new Column("source", "Source", payload(), (i, d, a) -> d.sourceColumn());
    public static final Column DESTINATION = new Column("destination", "Destination", payload(),
            (i, d, a) -> d.destinationColumn());
    /** The frame's VLAN IDs, outermost first, joined by "/" (802.1ad then 802.1Q for a stacked tag). */
    public static final Column VLAN = new Column("vlan", "VLAN", needs(Vlan.ID), (i, d, a) -> vlans(d));
    /** The protocol, with a gratuitous ARP named GARP so announcements stand out from ordinary ARP. */
    public static final Column PROTOCOL = new Column("protocol", "Protocol", payload(),
            (i, d, a) -> isGratuitous(d) ? "GARP" : d.protocolColumn());
    /** The length on the wire ({@code frame.len}), as Wireshark's Length column. */
    public static final Column LENGTH = new Column("length", "Length", needs(FrameProto.LEN),
            (i, d, a) -> Integer.toString(i.originalLength()));
    /** Every {@code frame.comment}: the file's packet comments, then the annotation's text. */
    public static final Column COMMENT = new Column("comment", "Comment", needs(FrameProto.COMMENT),
            (i, d, a) -> String.join("; ", i.comments()));
    public static final Column INFO = new Column("info", "Info", payload(), (i, d, a) -> d.infoColumn());
    /** The annotation's tags, joined by ", ". */
    public static final Column TAGS = new Column("tags", "Tags", needs(FrameProto.COMMENT),
            (i, d, a) -> a == null ? "" : String.join(", ", a.tags()));

    /** The packet list's columns in their default order (Comment before Info, which takes the rest of the width). */
    public static final List<Column> LIST = List.of(NUMBER, TIME, INTERFACE, SOURCE, DESTINATION, VLAN, PROTOCOL,
            LENGTH, COMMENT, INFO);
    /** Every built-in column: the list's and Tags. */
    public static final List<Column> BUILT_IN = List.of(NUMBER, TIME, INTERFACE, SOURCE, DESTINATION, VLAN,
            PROTOCOL, LENGTH, COMMENT, INFO, TAGS);

    /** A column showing a field's values (repeated values joined by commas, as tshark -E aggregator). */
    public static Column ofField(Field f) {
        return new Column(f.abbrev(), f.abbrev(), Needs.of(List.of(f)), (i, d, a) -> {
            StringBuilder sb = new StringBuilder();
            for (int n = d.find(f); n >= 0; n = d.find(f, n + 1)) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(FieldFormat.value(d, n));
            }
            return sb.toString();
        });
    }

    /**
     * The column a name means: a built-in column's title ("VLAN", "No."), a field's filter name ("vlan",
     * "arp.opcode"), or a built-in column's id or title in any case when no field has that name.
     *
     * @throws IllegalArgumentException naming the column that is neither
     */
    public static Column named(String name) {
        String n = name.trim();
        for (Column c : BUILT_IN) {
            if (c.title.equals(n)) {
                return c;
            }
        }
        Field f = FieldCatalogue.byName(n);
        if (f != null) {
            return ofField(f);
        }
        for (Column c : BUILT_IN) {
            if (c.id.equalsIgnoreCase(n) || c.title.equalsIgnoreCase(n)) {
                return c;
            }
        }
        List<String> titles = new ArrayList<>();
        BUILT_IN.forEach(c -> titles.add(c.title));
        throw new IllegalArgumentException("unknown column " + name + ": use " + String.join(", ", titles)
                + " or a field name such as arp.src.hw_mac");
    }

    /** The columns the names mean, in their order. */
    public static List<Column> named(List<String> names) {
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(named(n));
        }
        return out;
    }

    /** What computing all of {@code columns} needs. */
    public static Needs needsOf(List<Column> columns) {
        Needs n = Needs.NOTHING;
        for (Column c : columns) {
            n = n.and(c.needs);
        }
        return n;
    }

    /** The column of a built-in id, or null. */
    public static Column ofId(String id) {
        for (Column c : BUILT_IN) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** The cell's text. */
    public String of(FrameInfo info, Dissection d, Annotation annotation) {
        return value.of(info, d, annotation);
    }

    private static boolean isGratuitous(Dissection d) {
        return d.valueOf(Arp.IS_GRATUITOUS, 0) != 0;
    }

    private static String vlans(Dissection d) {
        StringBuilder vlan = new StringBuilder();
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i) == Vlan.ID || d.field(i) == Vlan.AD_ID) {
                if (vlan.length() > 0) {
                    vlan.append('/');
                }
                vlan.append(d.value(i));
            }
        }
        return vlan.toString();
    }

    private static Needs needs(Field f) {
        return Needs.of(List.of(f));
    }

    /** Source, Destination, Protocol and Info are what the deepest dissector said. */
    private static Needs payload() {
        return new Needs(Layer.ALL, false, false);
    }

    @Override
    public String toString() {
        return id;
    }
}
