package dev.cutover.capture;

/** Link-layer header types (LINKTYPE_ values) and the names Wireshark shows for them. */
public final class LinkTypes {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int IEEE802_11 = 105;
    public static final int LINUX_SLL = 113;
    public static final int IEEE802_11_RADIOTAP = 127;
    public static final int ARCNET_LINUX = 129;
    public static final int IPOIB = 242;
    public static final int NETLINK = 253;
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {
    }

    /** Wireshark's name for the link type, or "link type N" for one we do not know. */
    public static String name(int linkType) {
        switch (linkType) {
            case NULL: return "NULL/Loopback";
            case ETHERNET: return "Ethernet";
            case RAW: return "Raw IP";
            case IEEE802_11: return "IEEE 802.11 Wireless LAN";
            case LINUX_SLL: return "Linux cooked-mode capture v1";
            case IEEE802_11_RADIOTAP: return "IEEE 802.11 plus radiotap radio header";
            case ARCNET_LINUX: return "Linux ARCNET";
            case IPOIB: return "IP over IB";
            case NETLINK: return "Linux Netlink";
            case LINUX_SLL2: return "Linux cooked-mode capture v2";
            default: return "link type " + linkType;
        }
    }
}
