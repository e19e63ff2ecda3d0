package dev.cutover.dissect.proto;

import dev.cutover.capture.LinkTypes;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/** The frame pseudo-protocol: what the capture file says about each frame. */
public final class FrameProto {
    public static final Field FRAME = Field.record("frame", "Frame", FieldType.PROTOCOL)
            .blurb("The frame as captured: timestamps, lengths, interface, comments").build();
    public static final Field INTERFACE_ID = Field.record("frame.interface_id", "Interface id", FieldType.UINT32).build();
    public static final Field INTERFACE_NAME = Field.record("frame.interface_name", "Interface name", FieldType.STRING)
            .blurb("The capture interface: pcapng if_name, or the file name for a pcap (one file per uplink)").build();
    public static final Field ENCAP_TYPE = Field.record("frame.encap_type", "Encapsulation type", FieldType.UINT16)
            .names(Map.of((long) LinkTypes.ETHERNET, LinkTypes.name(LinkTypes.ETHERNET),
                    (long) LinkTypes.LINUX_SLL, LinkTypes.name(LinkTypes.LINUX_SLL),
                    (long) LinkTypes.LINUX_SLL2, LinkTypes.name(LinkTypes.LINUX_SLL2)))
            .blurb("The link-layer header type of the interface (" + LinkTypes.ETHERNET + " Ethernet, "
                    + LinkTypes.LINUX_SLL + " Linux SLL, " + LinkTypes.LINUX_SLL2 + " Linux SLL2)").build();
    public static final Field TIME = Field.record("frame.time", "Arrival Time", FieldType.ABSOLUTE_TIME).build();
    public static final Field TIME_EPOCH = Field.record("frame.time_epoch", "Epoch Time", FieldType.RELATIVE_TIME)
            .blurb("Seconds since 1970-01-01 00:00:00 UTC").build();
    public static final Field TIME_DELTA = Field.record("frame.time_delta", "Time delta from previous captured frame",
            FieldType.RELATIVE_TIME).build();
    public static final Field TIME_RELATIVE = Field.record("frame.time_relative", "Time since reference or first frame",
            FieldType.RELATIVE_TIME).build();
    public static final Field NUMBER = Field.record("frame.number", "Frame Number", FieldType.UINT32).build();
    public static final Field LEN = Field.record("frame.len", "Frame Length", FieldType.UINT32)
            .blurb("Frame length on the wire").build();
    public static final Field CAP_LEN = Field.record("frame.cap_len", "Capture Length", FieldType.UINT32)
            .blurb("Frame length stored into the capture file").build();
    public static final Field PACKET_FLAGS = Field.record("frame.packet_flags", "Packet flags", FieldType.UINT32).hex()
            .blurb("pcapng epb_flags").build();
    public static final Field DIRECTION = Field.record("frame.packet_flags_direction", "Direction", FieldType.UINT32)
            .hex().mask(0x3).names(Map.of(0L, "Unknown", 1L, "Inbound", 2L, "Outbound")).build();
    public static final Field PROTOCOLS = Field.payload("frame.protocols", "Protocols in frame", FieldType.STRING)
            .generated().build();
    public static final Field COMMENT = Field.annotations("frame.comment", "Comment", FieldType.STRING)
            .blurb("A packet comment: pcapng opt_comment, or a Cutover annotation").build();

    public static final List<Field> FIELDS = List.of(FRAME, INTERFACE_ID, INTERFACE_NAME, ENCAP_TYPE, TIME, TIME_EPOCH,
            TIME_DELTA, TIME_RELATIVE, NUMBER, LEN, CAP_LEN, PACKET_FLAGS, DIRECTION, PROTOCOLS, COMMENT);

    private FrameProto() {
    }
}
