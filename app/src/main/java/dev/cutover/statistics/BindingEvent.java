package dev.cutover.statistics;

import dev.cutover.dissect.Addresses;

/**
 * One change in which MAC claims an IPv4 address, named with arpwatch's words.
 *
 * @param kind          what arpwatch would report or log
 * @param frame         0-based index of the frame that made the change
 * @param timeNanos     its time
 * @param ip            the IPv4 address (the ARP sender IP)
 * @param mac           the MAC that now claims it (the ARP sender MAC)
 * @param previousMac   the MAC that claimed it before, -1 when none (or, for {@link Kind#ETHERNET_MISMATCH}, none)
 * @param previousNanos when the previous MAC last claimed it, -1 when none
 * @param linkSource    the frame's link-layer source MAC, -1 when it has none
 * @param vlanStack     the frame's VLAN tags ({@link VlanStacks})
 * @param interfaceId   the capture interface the frame came in on
 */
public record BindingEvent(Kind kind, int frame, long timeNanos, long ip, long mac, long previousMac,
                           long previousNanos, long linkSource, long vlanStack, int interfaceId) {

    /** arpwatch's reports (arpwatch(8)), in its words. */
    public enum Kind {
        /** The first MAC seen for an IP. */
        NEW_STATION("new station", "the first MAC seen claiming this IP"),
        /** The IP is now claimed by a MAC it never had. */
        CHANGED("changed ethernet address", "the IP is now claimed by a MAC it never had"),
        /** The IP went back to the MAC it had before the last change. */
        FLIP_FLOP("flip flop", "the IP went back to the MAC it had before the last change"),
        /** The IP went back to a MAC it had before that (arpwatch logs this, and mails nothing). */
        REUSED("reused old ethernet address", "the IP went back to a MAC it had two or more changes ago"),
        /** The same MAC claims the IP again after six months or more of silence. */
        NEW_ACTIVITY("new activity", "the pair is seen again after six months or more"),
        /** The ARP sender MAC is not the frame's source MAC: arpwatch logs it and keeps nothing from it. */
        ETHERNET_MISMATCH("ethernet mismatch", "the ARP sender MAC differs from the frame's source MAC; ignored"),
        /** A sender or source MAC of all zeros or all ones: logged and ignored. */
        ETHERNET_BROADCAST("ethernet broadcast", "a broadcast or zero sender MAC; ignored");

        private final String words;
        private final String meaning;

        Kind(String words, String meaning) {
            this.words = words;
            this.meaning = meaning;
        }

        /** arpwatch's words: "changed ethernet address". */
        public String words() {
            return words;
        }

        /** What it means, for a tooltip. */
        public String meaning() {
            return meaning;
        }

        /** True for a change of the MAC behind an IP: what points at a move, a clone or a spoof. */
        public boolean isChange() {
            return this == CHANGED || this == FLIP_FLOP || this == REUSED;
        }
    }

    public String ipText() {
        return Addresses.ipv4(ip);
    }

    public String macText() {
        return Addresses.mac(mac);
    }

    /** The previous MAC, or "" when none. */
    public String previousMacText() {
        return previousMac < 0 ? "" : Addresses.mac(previousMac);
    }

    /**
     * The line arpwatch would log: "changed ethernet address 10.0.10.52 00:50:56:9d:77:01 (00:50:56:9d:b0:51)" (new,
     * then previous MAC); for a mismatch or broadcast, the frame's source MAC, then the ARP sender MAC.
     */
    public String arpwatchLine() {
        if (kind == Kind.ETHERNET_MISMATCH || kind == Kind.ETHERNET_BROADCAST) {
            return kind.words() + " " + ipText() + " " + (linkSource < 0 ? macText() : Addresses.mac(linkSource))
                    + " (" + macText() + ")";
        }
        return kind.words() + " " + ipText() + " " + macText()
                + (previousMac < 0 ? "" : " (" + Addresses.mac(previousMac) + ")");
    }
}
