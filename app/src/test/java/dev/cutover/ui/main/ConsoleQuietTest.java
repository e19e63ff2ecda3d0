package dev.cutover.ui.main;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The console stays free of JavaFX's class-path warning, and only of that one. */
class ConsoleQuietTest {
    @Test
    void theClassPathWarningIsDroppedAndOtherJavaFxWarningsStay() {
        java.util.logging.Filter filter = CutoverApp.FX_LOG.getFilter();
        assertThat(filter).isNotNull();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "Could not resolve font"))).isTrue();
        assertThat(CutoverApp.FX_LOG.getName()).isEqualTo("javafx");
    }
}
