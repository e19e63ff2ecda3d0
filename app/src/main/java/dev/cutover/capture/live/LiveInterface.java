package dev.cutover.capture.live;

import java.util.List;

/**
 * A network interface live capture can open.
 *
 * @param name        the name libpcap opens it by (eth0, \Device\NPF_{...})
 * @param description libpcap's description, or null
 * @param addresses   its addresses as text
 * @param linkType    LINKTYPE_ value when the interface could be asked, else -1
 * @param loopback    whether it is a loopback interface
 */
public record LiveInterface(String name, String description, List<String> addresses, int linkType,
                            boolean loopback) {
}
