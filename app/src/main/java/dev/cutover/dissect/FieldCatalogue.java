package dev.cutover.dissect;

import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Dns;
import dev.cutover.dissect.proto.Icmp;
import dev.cutover.dissect.proto.Icmpv6;
import dev.cutover.dissect.proto.Ssdp;
import dev.cutover.dissect.proto.Tcp;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.FrameProto;
import dev.cutover.dissect.proto.Gre;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.dissect.proto.Udp;
import dev.cutover.dissect.proto.Llc;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Vlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every declared field and expert, by filter name: what `cutover fields` prints and filters resolve against. */
public final class FieldCatalogue {
    private static final List<Field> ALL;
    private static final Map<String, Field> BY_NAME;

    static {
        List<Field> all = new ArrayList<>();
        all.addAll(FrameProto.FIELDS);
        all.addAll(Ethernet.FIELDS);
        all.addAll(Vlan.FIELDS);
        all.addAll(Sll.FIELDS);
        all.addAll(Llc.FIELDS);
        all.addAll(Arp.FIELDS);
        all.addAll(Ip.FIELDS);
        all.addAll(Udp.FIELDS);
        all.addAll(Tcp.FIELDS);
        all.addAll(Icmp.FIELDS);
        all.addAll(Icmpv6.FIELDS);
        all.addAll(Dns.FIELDS);
        all.addAll(Ssdp.FIELDS);
        all.addAll(Gre.FIELDS);
        all.addAll(Migration.FIELDS);
        all.add(Dissector.MALFORMED.field());
        all.add(Dissector.SHORT.field());
        all.add(Dissector.UNDECODED.field());
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : all) {
            Field previous = byName.putIfAbsent(f.abbrev(), f);
            if (previous != null && previous != f) {
                throw new IllegalStateException("field declared twice: " + f.abbrev());
            }
        }
        ALL = Collections.unmodifiableList(new ArrayList<>(byName.values()));
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private FieldCatalogue() {
    }

    public static List<Field> all() {
        return ALL;
    }

    /** The field of that filter name, or null. */
    public static Field byName(String abbrev) {
        return BY_NAME.get(abbrev);
    }

    /** The names of the protocols (fields of type PROTOCOL). */
    public static List<Field> protocols() {
        List<Field> out = new ArrayList<>();
        for (Field f : ALL) {
            if (f.type() == FieldType.PROTOCOL) {
                out.add(f);
            }
        }
        return out;
    }
}
