package dev.cutover.ui.packets;

import dev.cutover.frames.Column;

/**
 * The packet list's columns, in their default order: each is a {@link Column} declaration, shared with the CSV
 * export, so a column's id, title and value are the same in both.
 */
public enum PacketColumn {
    NUMBER(Column.NUMBER),
    TIME(Column.TIME),
    INTERFACE(Column.INTERFACE),
    SOURCE(Column.SOURCE),
    DESTINATION(Column.DESTINATION),
    VLAN(Column.VLAN),
    PROTOCOL(Column.PROTOCOL),
    LENGTH(Column.LENGTH),
    // Before Info: Info is the column that takes the rest of the width, so a column after it is off screen
    COMMENT(Column.COMMENT),
    INFO(Column.INFO);

    private final Column column;

    PacketColumn(Column column) {
        this.column = column;
    }

    /** The shared declaration. */
    public Column column() {
        return column;
    }

    public String id() {
        return column.id();
    }

    public String title() {
        return column.title();
    }

    /** The column of an id, or null. */
    public static PacketColumn ofId(String id) {
        for (PacketColumn c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** Whether sorting by it needs every frame decoded (the others come from the frame index). */
    boolean needsDecode() {
        return column.needs().depth() != dev.cutover.dissect.Layer.FRAME;
    }
}
