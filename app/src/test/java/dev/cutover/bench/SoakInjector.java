package dev.cutover.bench;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.cutover.samples.Wire;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends RARP and gratuitous ARP at a steady rate for the live soak run ({@code app/bench/live-soak.sh}):
 * {@code SoakInjector IFACE FRAMES_PER_SECOND SECONDS}. Prints the frames sent and the rate achieved.
 *
 * <p>Linux only. Frames go out through a raw packet socket of its own (protocol 0, so it receives nothing,
 * bound to the interface, past the queueing discipline), a batch of them per {@code sendmmsg} call. Every
 * millisecond it sends the frames that are due by then and never any earlier; if it falls behind it catches up
 * in batches, and the rate it prints is what it achieved.
 */
public final class SoakInjector {
    private static final int AF_PACKET = 17;
    private static final int SOCK_RAW = 3;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_QDISC_BYPASS = 20;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int ENOBUFS = 105;
    /** struct sockaddr_ll, struct iovec and struct mmsghdr on 64-bit Linux. */
    private static final int SOCKADDR_LL = 20;
    private static final int IOVEC = 16;
    private static final int MMSGHDR = 64;
    private static final int BATCH = 512;
    private static final long TICK_NANOS = 1_000_000L;

    /** The libc calls needed. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int if_nametoindex(String name);

        int bind(int fd, Pointer address, int length) throws LastErrorException;

        int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

        int sendmmsg(int fd, Pointer messages, int count, int flags) throws LastErrorException;

        int close(int fd);
    }

    private SoakInjector() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        long rate = Long.parseLong(args[1]);
        long seconds = Long.parseLong(args[2]);
        if (!Platform.isLinux() || Native.POINTER_SIZE != 8) {
            throw new IllegalStateException("the soak injector needs 64-bit Linux");
        }
        byte[][] frames = new byte[256][];
        for (int i = 0; i < frames.length; i++) {
            long mac = Wire.mac("52:54:00:00:00:00") + i;
            frames[i] = i % 2 == 0 ? Wire.rarp(mac) : Wire.garp(mac, Wire.ip("10.0.0.0") + i);
        }
        Messages messages = new Messages(frames);
        LibC libc = Native.load("c", LibC.class);
        int fd = open(libc, iface);
        long total = rate * seconds;
        double perNano = rate / 1e9;
        long sent = 0;
        long start = System.nanoTime();
        long end;
        try {
            long tick = start;
            while (sent < total) {
                long due = Math.min(total, (long) ((System.nanoTime() - start) * perNano));
                while (sent < due) {
                    int offset = (int) (sent % frames.length);
                    int count = (int) Math.min(BATCH, due - sent);
                    sent += send(libc, fd, messages.headers.share((long) offset * MMSGHDR), count);
                }
                tick += TICK_NANOS;
                long wait = tick - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    tick = System.nanoTime();
                }
            }
            end = System.nanoTime();
        } finally {
            libc.close(fd); // waits for the kernel to let go of the socket, so it is left out of the time
        }
        double took = (end - start) / 1e9;
        System.out.printf("sent %d frames in %.1f s (%.0f frames/s)%n", sent, took, sent / took);
    }

    /**
     * The frames in native memory, each with its iovec, and BATCH + 256 message headers pointing at them in turn,
     * so a batch of up to BATCH frames starting at any frame is one slice of the headers.
     */
    private static final class Messages {
        private final Memory data;
        private final Memory iovecs;
        private final Memory headers;

        Messages(byte[][] frames) {
            int bytes = 0;
            for (byte[] frame : frames) {
                bytes += frame.length;
            }
            data = new Memory(bytes);
            iovecs = new Memory((long) frames.length * IOVEC);
            long at = 0;
            for (int i = 0; i < frames.length; i++) {
                data.write(at, frames[i], 0, frames[i].length);
                iovecs.setPointer((long) i * IOVEC, data.share(at)); // iov_base
                iovecs.setLong((long) i * IOVEC + 8, frames[i].length); // iov_len
                at += frames[i].length;
            }
            int count = BATCH + frames.length;
            headers = new Memory((long) count * MMSGHDR);
            headers.clear(); // no msg_name (the socket is bound), no control data
            for (int i = 0; i < count; i++) {
                long h = (long) i * MMSGHDR;
                headers.setPointer(h + 16, iovecs.share((long) (i % frames.length) * IOVEC)); // msg_iov
                headers.setLong(h + 24, 1); // msg_iovlen
            }
        }
    }

    /** A packet socket that receives nothing, bound to the interface. */
    private static int open(LibC libc, String iface) {
        int index = libc.if_nametoindex(iface);
        if (index == 0) {
            throw new IllegalArgumentException(iface + ": no such interface");
        }
        int fd = libc.socket(AF_PACKET, SOCK_RAW, 0);
        Memory address = new Memory(SOCKADDR_LL);
        address.clear();
        address.setShort(0, (short) AF_PACKET); // sll_family; sll_protocol stays 0: nothing is received
        address.setInt(4, index); // sll_ifindex
        libc.bind(fd, address, SOCKADDR_LL);
        Memory one = new Memory(4);
        one.setInt(0, 1);
        try {
            libc.setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, one, 4);
        } catch (LastErrorException e) {
            // An older kernel: the frames go through the queueing discipline, which only costs a little.
        }
        return fd;
    }

    /** Sends count frames from the headers at messages, all of them, retrying what the kernel did not take. */
    private static int send(LibC libc, int fd, Pointer messages, int count) {
        int done = 0;
        while (done < count) {
            try {
                done += libc.sendmmsg(fd, messages.share((long) done * MMSGHDR), count - done, 0);
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno != EINTR && errno != EAGAIN && errno != ENOBUFS) {
                    throw e;
                }
                LockSupport.parkNanos(50_000L);
            }
        }
        return done;
    }
}
