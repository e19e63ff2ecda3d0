package dev.cutover.capture.live;

import java.util.Objects;

/**
 * How to open an interface.
 *
 * @param interfaceName  the interface, as {@link LivePcap#interfaces()} names it
 * @param filter         BPF filter text; empty for every frame
 * @param snapLen        bytes kept of each frame
 * @param promiscuous    whether to see frames not addressed to this host
 * @param bufferBytes    the kernel buffer libpcap asks for
 * @param queueCapacity  frames the queue between the capture thread and its reader holds before dropping
 */
public record LiveOptions(String interfaceName, String filter, int snapLen, boolean promiscuous, int bufferBytes,
                          int queueCapacity) {
    /** The preset for migrations: ARP and RARP, tagged or not. */
    public static final String MIGRATION_FILTER = "arp or rarp or (vlan and (arp or rarp))";

    public LiveOptions {
        Objects.requireNonNull(interfaceName, "interfaceName");
        filter = filter == null ? "" : filter.strip();
        if (snapLen <= 0 || bufferBytes <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("snap length, buffer size and queue capacity must be positive");
        }
    }

    /** The migration preset filter, whole frames, promiscuous, a 16 MiB buffer and a 65 536-frame queue. */
    public static LiveOptions of(String interfaceName) {
        return new LiveOptions(interfaceName, MIGRATION_FILTER, 65535, true, 16 << 20, 1 << 16);
    }

    public LiveOptions withFilter(String newFilter) {
        return new LiveOptions(interfaceName, newFilter, snapLen, promiscuous, bufferBytes, queueCapacity);
    }
}
