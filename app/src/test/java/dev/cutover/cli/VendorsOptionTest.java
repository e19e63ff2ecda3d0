package dev.cutover.cli;

import dev.cutover.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cutover dissect --vendors FILE}: the registry the user names, instead of the bundled one. */
class VendorsOptionTest {
    @TempDir
    Path dir;

    private static String sample(String name) {
        for (String folder : new String[] {"../sample-captures/", "sample-captures/"}) {
            if (Files.exists(Path.of(folder + name))) {
                return folder + name;
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void theBundledListingNamesTheVrrpRouterAndANamedManufRenamesIt() throws Exception {
        String file = sample("esxi-vmotion-vlan10.pcap");
        CliRun bundled = CliRun.of("dissect", "-c", "1", "--no-hex", "-Y", "eth.src == 00:00:5e:00:01:0a", file);
        assertThat(bundled.code()).isEqualTo(ExitCodes.OK);
        // the IEEE listing's name for 00:00:5e, shortened as Wireshark shortens names
        assertThat(bundled.out()).contains("Source: ICANNIAN_00:01:0a (00:00:5e:00:01:0a)");

        Path manuf = dir.resolve("manuf");
        Files.writeString(manuf, "00:00:5E\tVrrpTest\tA VRRP test vendor\n");
        CliRun named = CliRun.of("dissect", "-c", "1", "--no-hex", "--vendors", manuf.toString(),
                "-Y", "eth.src == 00:00:5e:00:01:0a", file);
        assertThat(named.code()).isEqualTo(ExitCodes.OK);
        assertThat(named.out()).contains("Source: VrrpTest_00:01:0a (00:00:5e:00:01:0a)")
                .doesNotContain("ICANNIAN");
        assertThat(named.err()).isEmpty();
    }

    @Test
    void aMissingOrWrongRegistryIsAUsageErrorNamingTheFile() throws Exception {
        String file = sample("esxi-vmotion-vlan10.pcap");
        CliRun missing = CliRun.of("dissect", "--vendors", dir.resolve("nope").toString(), file);
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--vendors").contains("nope").contains("no such file")
                .doesNotContain("Exception");
        assertThat(missing.out()).isEmpty();

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a registry\n");
        CliRun wrong = CliRun.of("dissect", "--vendors", notes.toString(), file);
        assertThat(wrong.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("notes.txt").contains("no OUI line");
    }
}
