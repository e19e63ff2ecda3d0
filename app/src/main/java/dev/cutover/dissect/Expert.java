package dev.cutover.dissect;

/**
 * A declared kind of problem, Wireshark's {@code ei_register_info}: a filter name, a severity, a group, and
 * the text (which may take one {@code %s}). Recorded in the tree as a node of {@link #field()}.
 */
public record Expert(Field field, Severity severity, String group, String text) {

    /** An expert raised by the dissectors of {@code source} (the link layer, the payload, the trailer). */
    public static Expert of(Field.Source source, String abbrev, Severity severity, String group, String text) {
        Field f = Field.of(source, abbrev, text, FieldType.NONE).generated().blurb(text).build();
        return new Expert(f, severity, group, text);
    }

    public String abbrev() {
        return field.abbrev();
    }
}
