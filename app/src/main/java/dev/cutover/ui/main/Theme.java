package dev.cutover.ui.main;

/** The look: AtlantaFX Primer, light or dark. */
public enum Theme {
    LIGHT, DARK;

    static Theme of(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }

    String key() {
        return this == DARK ? "dark" : "light";
    }
}
