package dev.cutover.frames;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.filter.CompiledFilter;

/**
 * What a filter whose payload fields are all ARP's (arp.opcode == 3, the usual one here) answers on a frame whose
 * link layer carries no ARP, so that such a frame can be judged from a peek at its link layer: rejected without a
 * decode, or decoded only as deep as the filter's other fields.
 */
final class ArpOnly {
    /**
     * True when every payload field the filter reads is one the ARP dissector adds (arp.*, the migration
     * notification) and it reads nothing after the payload: such a filter has the same answer on a link-layer
     * decode of a frame without ARP as on a full decode.
     */
    final boolean applies;
    /** How deep the filter's fields other than ARP's need a frame decoded. */
    final Layer withoutArpDepth;
    /**
     * False when the filter reads ARP's fields only and is false on a frame that has none of them
     * (arp.opcode == 3): every frame without ARP is then rejected without a decode.
     */
    final boolean withoutArpAnswer;

    private ArpOnly(boolean applies, Layer withoutArpDepth, boolean withoutArpAnswer) {
        this.applies = applies;
        this.withoutArpDepth = withoutArpDepth;
        this.withoutArpAnswer = withoutArpAnswer;
    }

    private static final ArpOnly NOT_APPLICABLE = new ArpOnly(false, Layer.ALL, true);

    static ArpOnly of(CompiledFilter filter) {
        if (filter.requiredLayer() != Layer.ALL) {
            return NOT_APPLICABLE;
        }
        boolean only = true;
        boolean anyOther = false;
        Needs others = Needs.NOTHING;
        for (Field f : filter.fields()) {
            boolean arp = Arp.FIELDS.contains(f) || f == Migration.NOTIFICATION || f == Migration.VM_MAC
                    || f == Migration.VM_VENDOR;
            if (!arp) {
                others = others.and(f);
                anyOther = true;
            }
            if (f.source() == Field.Source.TRAILER || f.source() == Field.Source.TRAFFIC
                    || f.source() == Field.Source.PAYLOAD && !arp) {
                only = false;
            }
        }
        if (!only) {
            return NOT_APPLICABLE;
        }
        // a field of the frame record (frame.len) needs no decode beyond it, but can still be true
        boolean withoutArpAnswer = anyOther || filter.matches(new Dissection());
        return new ArpOnly(true, others.depth(), withoutArpAnswer);
    }
}
