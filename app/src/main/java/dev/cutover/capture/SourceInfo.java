package dev.cutover.capture;

import java.nio.file.Path;
import java.util.List;

/**
 * One opened capture file.
 *
 * @param file        the file as given
 * @param format      container format, detected from the content
 * @param gzipped     whether the file was gzip-compressed
 * @param byteOrder   "little-endian", "big-endian", or "mixed" for pcapng sections of both orders; null for text
 * @param version     format version from the (first) header, such as "2.4" or "1.0"; null for text
 * @param fileSize    bytes on disk
 * @param sections    pcapng sections read (1 for pcap)
 * @param frames      frames indexed from this file
 * @param comments    SHB opt_comment values of all sections
 * @param hardware    first SHB's shb_hardware, or null
 * @param os          first SHB's shb_os, or null
 * @param application first SHB's shb_userappl, or null
 * @param damage      where reading stopped early, or null when the file was read to its end
 * @param timeShiftNanos nanoseconds added to each of the file's time stamps when it was opened (0 for none)
 */
public record SourceInfo(Path file, CaptureFormat format, boolean gzipped, String byteOrder, String version,
                         long fileSize, int sections, int frames, List<String> comments,
                         String hardware, String os, String application, CaptureDamage damage,
                         long timeShiftNanos) {

    public SourceInfo {
        comments = List.copyOf(comments);
    }

    /** A source opened with its time stamps as they are. */
    public SourceInfo(Path file, CaptureFormat format, boolean gzipped, String byteOrder, String version,
                      long fileSize, int sections, int frames, List<String> comments,
                      String hardware, String os, String application, CaptureDamage damage) {
        this(file, format, gzipped, byteOrder, version, fileSize, sections, frames, comments, hardware, os,
                application, damage, 0);
    }
}
