package dev.cutover.ui.packets;

/**
 * What the packet list shows of one frame beyond the index: decoded on demand for visible rows only.
 *
 * @param colour the colour rule that applies ({@link ColourRule}), or null
 */
public record PacketRow(String source, String destination, String vlan, String protocol, String info,
                        ColourRule colour) {
    static final PacketRow UNREADABLE = new PacketRow("", "", "", "?", "frame could not be read",
            ColourRule.EXPERT_ERROR);
}
