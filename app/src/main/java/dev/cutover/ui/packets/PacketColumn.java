package dev.cutover.ui.packets;

/** The packet list's columns, in their default order; the id is what preferences and tests use. */
public enum PacketColumn {
    NUMBER("no", "No."),
    TIME("time", "Time"),
    INTERFACE("interface", "Interface"),
    SOURCE("source", "Source"),
    DESTINATION("destination", "Destination"),
    VLAN("vlan", "VLAN"),
    PROTOCOL("protocol", "Protocol"),
    LENGTH("length", "Length"),
    // Before Info: Info is the column that takes the rest of the width, so a column after it is off screen
    COMMENT("comment", "Comment"),
    INFO("info", "Info");

    private final String id;
    private final String title;

    PacketColumn(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The column of an id, or null. */
    public static PacketColumn ofId(String id) {
        for (PacketColumn c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** Whether sorting by it needs every frame decoded (the others come from the frame index). */
    boolean needsDecode() {
        return this == SOURCE || this == DESTINATION || this == VLAN || this == PROTOCOL || this == INFO;
    }
}
