package dev.cutover.dissect;

/** Expert-info severity, Wireshark's PI_CHAT .. PI_ERROR. */
public enum Severity {
    CHAT, NOTE, WARNING, ERROR;

    public String label() {
        return switch (this) {
            case CHAT -> "Chat";
            case NOTE -> "Note";
            case WARNING -> "Warning";
            case ERROR -> "Error";
        };
    }
}
