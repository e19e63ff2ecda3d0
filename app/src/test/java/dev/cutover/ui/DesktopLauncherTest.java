package dev.cutover.ui;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopLauncherTest {
    @Test
    void linuxNeedsAnXOrWaylandDisplay() {
        assertThat(new DesktopLauncher(Map.of(), "Linux", "", false).available()).isFalse();
        assertThat(new DesktopLauncher(Map.of("DISPLAY", " "), "Linux", "", false).available()).isFalse();
        assertThat(new DesktopLauncher(Map.of("DISPLAY", ":0"), "Linux", "", false).available()).isTrue();
        assertThat(new DesktopLauncher(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", "", false).available())
                .isTrue();
    }

    @Test
    void windowsAndMacAlwaysHaveOne() {
        assertThat(new DesktopLauncher(Map.of(), "Windows 11", "", false).available()).isTrue();
        assertThat(new DesktopLauncher(Map.of(), "Mac OS X", "", false).available()).isTrue();
    }

    @Test
    void aWindowCanBeTurnedOff() {
        assertThat(new DesktopLauncher(Map.of("DISPLAY", ":0"), "Linux", "off", false).available()).isFalse();
        assertThat(new DesktopLauncher(Map.of("DISPLAY", ":0"), "Linux", "", true).available()).isFalse();
    }
}
