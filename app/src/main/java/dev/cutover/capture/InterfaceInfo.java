package dev.cutover.capture;

/**
 * One capture interface (a pcap file has one; pcapng one per IDB per section).
 *
 * @param id                  global id, 0..n-1 over all files opened together
 * @param sourceIndex         index of the file in {@link Capture#sources()}
 * @param section             0-based pcapng section (always 0 for pcap)
 * @param localId             the interface's id within its section, as EPBs name it
 * @param name                pcapng if_name, else the file's base name (pktcap-uw writes one file per uplink)
 * @param description         pcapng if_description, or null
 * @param linkType            LINKTYPE_ value, see {@link LinkTypes}
 * @param snapLen             snapshot length the file declares (0: none)
 * @param timePrecisionDigits decimal digits of the time stamps' resolution (6 for microseconds)
 * @param fcsLength           bytes of frame check sequence at the end of each frame; -1 when the file does not say
 */
public record InterfaceInfo(int id, int sourceIndex, int section, int localId, String name, String description,
                            int linkType, int snapLen, int timePrecisionDigits, int fcsLength) {

    /** Wireshark's name for the link type. */
    public String linkTypeName() {
        return LinkTypes.name(linkType);
    }
}
