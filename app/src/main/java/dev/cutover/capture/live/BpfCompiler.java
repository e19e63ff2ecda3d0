package dev.cutover.capture.live;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Compiles a filter with libpcap's own compiler to get its error text ("syntax error", "unknown host 'x'"),
 * which pcap4j's compileFilter leaves out.
 */
final class BpfCompiler {

    /** The few libpcap calls needed; a bpf_program is 16 bytes on 64-bit (an int and a pointer). */
    interface Libpcap extends Library {
        Pointer pcap_open_dead(int linktype, int snaplen);

        int pcap_compile(Pointer pcap, Pointer program, String filter, int optimize, int netmask);

        String pcap_geterr(Pointer pcap);

        void pcap_freecode(Pointer program);

        void pcap_close(Pointer pcap);
    }

    private BpfCompiler() {
    }

    /** The libpcap library pcap4j loads (its own property may name another), so both calls reach the same one. */
    static String libraryName() {
        return System.getProperty("org.pcap4j.core.pcapLibName", Platform.isWindows() ? "wpcap" : "pcap");
    }

    /** Null when the filter compiles, else libpcap's message. */
    static String error(String filter) {
        Libpcap pcap = Native.load(libraryName(), Libpcap.class);
        Pointer dead = pcap.pcap_open_dead(dev.cutover.capture.LinkTypes.ETHERNET, 65535);
        if (dead == null) {
            return null;
        }
        Memory program = new Memory(32);
        program.clear();
        try {
            if (pcap.pcap_compile(dead, program, filter, 1, 0) != 0) {
                return pcap.pcap_geterr(dead);
            }
            pcap.pcap_freecode(program);
            return null;
        } finally {
            pcap.pcap_close(dead);
        }
    }
}
