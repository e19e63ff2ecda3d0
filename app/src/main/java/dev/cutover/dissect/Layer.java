package dev.cutover.dissect;

/** How deep to decode: a filter that reads only frame or link fields need not decode further. */
public enum Layer {
    /** frame.* only. */
    FRAME,
    /** Link layer: Ethernet, Linux SLL, VLAN tags, LLC. */
    LINK,
    /** Everything Cutover decodes (ARP/RARP and the migration facts). */
    ALL
}
