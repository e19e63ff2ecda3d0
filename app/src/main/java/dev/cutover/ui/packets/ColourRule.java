package dev.cutover.ui.packets;

/** The packet list's colouring rules, first match wins (like Wireshark's coloring rules), with their legend. */
public enum ColourRule {
    EXPERT_ERROR("expert-error", "Malformed, or an expert error"),
    MIGRATION_NOTIFICATION("rarp-notification", "RARP migration notification"),
    GARP("garp", "Gratuitous ARP, unsolicited NA"),
    EXPERT_WARNING("expert-warning", "Expert warning");

    private final String styleClass;
    private final String legend;

    ColourRule(String styleClass, String legend) {
        this.styleClass = styleClass;
        this.legend = legend;
    }

    /** The CSS class of a row this rule colours. */
    public String styleClass() {
        return styleClass;
    }

    public String legend() {
        return legend;
    }
}
