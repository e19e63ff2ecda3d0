package dev.cutover.filter;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;

import java.util.Collection;
import java.util.Set;

/**
 * How deep a frame must be decoded for a field to be there. A protocol not listed here needs everything,
 * so a field added to the catalogue later is safe before anyone thinks of this table.
 */
final class DecodeDepth {
    private static final Set<String> LINK_PROTOCOLS = Set.of("eth", "vlan", "ieee8021ad", "ieee8021ah", "sll", "llc");
    /**
     * Link-layer fields placed after the payload: where padding and trailer begin is known only once the
     * payload (ARP) has been decoded to its own length.
     */
    private static final Set<String> AFTER_PAYLOAD = Set.of("eth.padding", "eth.trailer", "eth.fcs",
            "eth.padding_bad", "vlan.trailer", "ieee8021ah.trailer");

    private DecodeDepth() {
    }

    static Layer of(Collection<Field> fields) {
        Layer deepest = Layer.FRAME;
        for (Field f : fields) {
            Layer l = of(f);
            if (l.compareTo(deepest) > 0) {
                deepest = l;
            }
        }
        return deepest;
    }

    static Layer of(Field f) {
        String name = f.abbrev();
        if (name.equals("frame.protocols")) {
            // It lists every protocol decoded, so it is only complete at full depth.
            return Layer.ALL;
        }
        if (name.equals("frame.undecoded_link")) {
            return Layer.LINK;
        }
        String protocol = f.protocol();
        if (protocol.equals("frame")) {
            return Layer.FRAME;
        }
        return LINK_PROTOCOLS.contains(protocol) && !AFTER_PAYLOAD.contains(name) ? Layer.LINK : Layer.ALL;
    }
}
