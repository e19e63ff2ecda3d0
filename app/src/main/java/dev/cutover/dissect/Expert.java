package dev.cutover.dissect;

/**
 * A declared kind of problem, Wireshark's {@code ei_register_info}: a filter name, a severity, a group, and
 * the text (which may take one {@code %s}). Recorded in the tree as a node of {@link #field()}.
 */
public record Expert(Field field, Severity severity, String group, String text) {

    public static Expert of(String abbrev, Severity severity, String group, String text) {
        Field f = Field.of(abbrev, text, FieldType.NONE).generated().blurb(text).build();
        return new Expert(f, severity, group, text);
    }

    public String abbrev() {
        return field.abbrev();
    }
}
