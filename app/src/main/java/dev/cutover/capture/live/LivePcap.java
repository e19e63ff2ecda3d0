package dev.cutover.capture.live;

import dev.cutover.capture.live.LiveCaptureException.Kind;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** The one door to libpcap (through pcap4j): list interfaces, check a filter, open a capture. */
public final class LivePcap {
    private LivePcap() {
    }

    /** The interfaces libpcap can see, with the link type of those it may open. */
    public static List<LiveInterface> interfaces() throws LiveCaptureException {
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw translate(null, e);
        } catch (LinkageError e) {
            throw libpcapMissing(e);
        }
        List<LiveInterface> result = new ArrayList<>();
        for (PcapNetworkInterface device : devices) {
            List<String> addresses = new ArrayList<>();
            for (PcapAddress address : device.getAddresses()) {
                if (address.getAddress() != null) {
                    addresses.add(address.getAddress().getHostAddress());
                }
            }
            result.add(new LiveInterface(device.getName(), device.getDescription(), List.copyOf(addresses),
                    linkTypeOf(device.getName()), device.isLoopBack()));
        }
        return List.copyOf(result);
    }

    private static int linkTypeOf(String name) {
        try {
            PcapHandle handle = new PcapHandle.Builder(name).snaplen(64).timeoutMillis(10).build();
            try {
                return handle.getDlt().value();
            } finally {
                handle.close();
            }
        } catch (PcapNativeException | RuntimeException e) {
            return -1; // not permitted, or down: listing still shows the interface
        }
    }

    /**
     * Compiles the filter for Ethernet as libpcap would at start, so a typo is caught before anything opens.
     *
     * @throws LiveCaptureException of kind {@link Kind#BAD_FILTER} with the compiler's message
     */
    public static void checkFilter(String filter) throws LiveCaptureException {
        if (filter == null || filter.isBlank()) {
            return;
        }
        try {
            BpfProgram program = Pcaps.compileFilter(65535, DataLinkType.EN10MB, filter,
                    BpfProgram.BpfCompileMode.OPTIMIZE, anyNetmask());
            program.free();
        } catch (PcapNativeException e) {
            throw badFilter(filter, e);
        } catch (LinkageError e) {
            throw libpcapMissing(e);
        }
    }

    /** Opens the interface and starts its capture thread. */
    public static LiveSession open(LiveOptions options) throws LiveCaptureException {
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(options.interfaceName())
                    .snaplen(options.snapLen())
                    .promiscuousMode(options.promiscuous() ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                            : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(PcapLiveSession.POLL_MILLIS)
                    .bufferSize(options.bufferBytes())
                    .build();
        } catch (PcapNativeException e) {
            throw translate(options.interfaceName(), e);
        } catch (LinkageError e) {
            throw libpcapMissing(e);
        }
        try {
            if (!options.filter().isEmpty()) {
                handle.setFilter(options.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            }
            PcapLiveSession session = new PcapLiveSession(handle, options, handle.getDlt().value());
            session.start();
            return session;
        } catch (PcapNativeException e) {
            handle.close();
            throw badFilter(options.filter(), e);
        } catch (Exception e) {
            handle.close();
            throw new LiveCaptureException(Kind.FAILED, options.interfaceName() + ": " + e.getMessage(), e);
        }
    }

    /** Sends frames as they are, in order; used to inject test traffic on private links. */
    public static void send(String interfaceName, List<byte[]> frames) throws LiveCaptureException {
        try (Sender sender = sender(interfaceName)) {
            for (byte[] frame : frames) {
                sender.send(frame);
            }
        }
    }

    /** Opens the interface for sending many frames, for test traffic and the soak benchmark. */
    public static Sender sender(String interfaceName) throws LiveCaptureException {
        try {
            return new Sender(interfaceName, new PcapHandle.Builder(interfaceName).snaplen(65535).timeoutMillis(10)
                    .build());
        } catch (PcapNativeException e) {
            throw translate(interfaceName, e);
        } catch (LinkageError e) {
            throw libpcapMissing(e);
        }
    }

    /** An open handle that sends frames; close it when done. */
    public static final class Sender implements AutoCloseable {
        private final String interfaceName;
        private final PcapHandle handle;

        private Sender(String interfaceName, PcapHandle handle) {
            this.interfaceName = interfaceName;
            this.handle = handle;
        }

        public void send(byte[] frame) throws LiveCaptureException {
            try {
                handle.sendPacket(frame);
            } catch (PcapNativeException e) {
                throw translate(interfaceName, e);
            } catch (Exception e) {
                throw new LiveCaptureException(Kind.FAILED, interfaceName + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            handle.close();
        }
    }

    private static Inet4Address anyNetmask() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static LiveCaptureException badFilter(String filter, Exception e) {
        String reason;
        try {
            reason = BpfCompiler.error(filter);
        } catch (LinkageError | RuntimeException notLoaded) {
            reason = null;
        }
        return new LiveCaptureException(Kind.BAD_FILTER, "the capture filter '" + filter + "' is not valid: "
                + (reason == null ? e.getMessage() : reason), e);
    }

    static LiveCaptureException translate(String interfaceName, Exception e) {
        String text = String.valueOf(e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        String where = interfaceName == null ? "" : interfaceName + ": ";
        if (lower.contains("permission") || lower.contains("not permitted")) {
            return new LiveCaptureException(Kind.NOT_PERMITTED, where + "capturing is not permitted (" + text
                    + "). Run as root, or give the launcher the capabilities once: "
                    + "sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(command -v java)\")\"", e);
        }
        if (lower.contains("no such device") || lower.contains("doesn't exist") || lower.contains("not exist")) {
            return new LiveCaptureException(Kind.NO_SUCH_INTERFACE, where + "no such interface; "
                    + "`cutover interfaces` lists those there are", e);
        }
        if (lower.contains("went down") || lower.contains("network is down") || lower.contains("no such device")) {
            return new LiveCaptureException(Kind.INTERFACE_GONE, where + "the interface went away (" + text + ")", e);
        }
        return new LiveCaptureException(Kind.FAILED, where + text, e);
    }

    static LiveCaptureException libpcapMissing(Throwable e) {
        return new LiveCaptureException(Kind.LIBPCAP_MISSING, "live capture needs libpcap, which was not found ("
                + e.getMessage() + "). Install it: Debian/Ubuntu `apt-get install libpcap0.8`, Fedora/RHEL "
                + "`dnf install libpcap`, Windows Npcap (https://npcap.com, in WinPcap API-compatible mode); "
                + "macOS has it built in.", e);
    }
}
