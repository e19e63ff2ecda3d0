package dev.cutover.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreferencesStoreTest {
    @TempDir
    Path dir;

    @Test
    void theConfigFolderFollowsEachSystemsConvention() {
        Path home = Path.of("/home/ana");
        assertThat(PreferencesStore.configFolder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ana/.config/cutover"));
        assertThat(PreferencesStore.configFolder("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/xdg/cutover"));
        assertThat(PreferencesStore.configFolder("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ana/.config/cutover"));
        assertThat(PreferencesStore.configFolder("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Cutover"));
        assertThat(PreferencesStore.configFolder("Windows 11", Map.of("APPDATA", "/appdata"), home))
                .isEqualTo(Path.of("/appdata/Cutover"));
    }

    @Test
    void savedPreferencesComeBack() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("cutover"));
        Preferences p = Preferences.defaults().withTheme("dark").withTimeFormat("UTC_DATE_TIME")
                .withWindow(1500, 900, false).withPosition(40, 30)
                .withLayout(List.of(0.4, 0.7, 0.5), List.of("info", "no"), List.of("vlan"))
                .withRecentFiles(List.of("/tmp/a.pcap")).withFilterHistory(List.of("arp"));
        store.save(p);
        assertThat(store.load()).isEqualTo(p);
        assertThat(Files.readString(store.file())).contains("\"theme\" : \"dark\"");
    }

    @Test
    void aMissingOrBrokenFileGivesTheDefaults() throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        assertThat(store.load()).isEqualTo(Preferences.defaults());
        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(Preferences.defaults());
        Files.writeString(store.file(), "{\"theme\":\"dark\",\"future\":1}");
        assertThat(store.load().theme()).isEqualTo("dark");
        // no size saved: the first start fits the screen
        assertThat(store.load().hasWindowSize()).isFalse();
    }
}
