package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.Main;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.capture.Capture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures through the command line in a private network namespace: a veth pair inside it, the capture and the
 * injector each a child process run with {@code ip netns exec}. Skipped, with the reason, when not root or
 * libpcap is missing.
 */
class LiveCaptureIntegrationTest {
    private static final String NS = "cutover-test-" + ProcessHandle.current().pid();
    private static String skip;

    @BeforeAll
    static void namespace() throws Exception {
        skip = LinkLab.whyNot();
        if (skip != null) {
            return;
        }
        LinkLab.run("ip", "netns", "add", NS);
        LinkLab.vethPair(NS, "cutv2", "cutv3");
    }

    @AfterAll
    static void removeNamespace() {
        if (skip == null) {
            LinkLab.quietly("ip", "netns", "del", NS);
        }
    }

    @Test
    void captureCommandWritesWhatWasSentAndAnalyzeFindsTheMigration(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path file = dir.resolve("live.pcapng");
        Path log = dir.resolve("capture.log");
        List<String> capture = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        capture.addAll(LinkLab.java(Main.class.getName(), "capture", "-i", "cutv3", "-w", file.toString(),
                "-c", String.valueOf(LinkLab.MIGRATION_FRAMES), "--comment", "test watch"));
        Process capturing = new ProcessBuilder(capture).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            awaitText(log, "Capturing on cutv3");
            List<String> inject = new ArrayList<>(List.of("ip", "netns", "exec", NS));
            inject.addAll(LinkLab.java(Injector.class.getName(), LinkLab.cat(List.of("cutv2"),
                    LinkLab.migrationTraffic().toArray(String[]::new))));
            LinkLab.run(inject.toArray(String[]::new));
            assertThat(capturing.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
            assertThat(capturing.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            capturing.destroy();
        }
        assertThat(Files.readString(log)).contains("5 frames captured, 0 dropped by the kernel, 0 dropped by the queue");

        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
            assertThat(c.interfaces().get(0).name()).isEqualTo("cutv3");
            AnalysisResult result = MigrationAnalyzer.analyze(c);
            assertThat(result.migrations()).hasSize(1);
            MigrationEvent event = result.migrations().get(0);
            assertThat(event.mac()).isEqualTo(LinkLab.VM_MAC);
            assertThat(event.rarp().frames()).hasSize(4);
            assertThat(event.garpFrames()).hasSize(1);
        }
        String pcapng = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(pcapng).contains("test watch").contains(LiveOptions.MIGRATION_FILTER);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("analyze", file.toString())).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("52:54:00:12:34:56").contains("10.1.2.3");
    }

    @Test
    void aRingOfFilesRotatesAtItsSizeAndKeepsTheNewestFiles(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path log = dir.resolve("capture.log");
        Path ringDir = Files.createDirectory(dir.resolve("ring"));
        List<String> capture = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        capture.addAll(LinkLab.java(Main.class.getName(), "capture", "-i", "cutv3", "-f", "rarp",
                "-w", ringDir.resolve("watch.pcapng").toString(), "--ring-mb", "0.02", "--ring-files", "3",
                "-c", "1000"));
        Process capturing = new ProcessBuilder(capture).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            awaitText(log, "Capturing on cutv3");
            List<String> inject = new ArrayList<>(List.of("ip", "netns", "exec", NS));
            inject.addAll(LinkLab.java(Injector.class.getName(), "cutv2", "@1000"));
            LinkLab.run(inject.toArray(String[]::new));
            assertThat(capturing.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
            assertThat(capturing.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            capturing.destroy();
        }
        String text = Files.readString(log);
        assertThat(text).contains("1000 frames captured, 0 dropped by the kernel, 0 dropped by the queue")
                .contains("3 files").contains("older deleted by the ring");

        List<Path> files;
        try (var listing = Files.list(ringDir)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(3);
        long framesKept = 0;
        byte[] last = null;
        for (Path p : files) {
            assertThat(p.getFileName().toString()).matches("watch_\\d{5}_\\d{14}\\.pcapng");
            assertThat(Files.size(p)).isLessThanOrEqualTo(20_000);
            try (Capture c = Capture.open(p)) {
                assertThat(c.interfaces().get(0).name()).isEqualTo("cutv3");
                assertThat(c.damages()).isEmpty();
                framesKept += c.frameCount();
                last = c.frameBytes(c.frameCount() - 1);
            }
        }
        // 20 kB holds about 200 RARP blocks: five or six files were made, the first two or three deleted
        assertThat(framesKept).isBetween(400L, 600L);
        assertThat(last).isEqualTo(dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC + 999));
    }

    @Test
    void ctrlCStopsTheCaptureAndTheFileIsComplete(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path file = dir.resolve("interrupted.pcapng");
        Path log = dir.resolve("capture.log");
        List<String> capture = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        capture.addAll(LinkLab.java(Main.class.getName(), "capture", "-i", "cutv3", "-w", file.toString()));
        Process capturing = new ProcessBuilder(capture).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            awaitText(log, "Capturing on cutv3");
            List<String> inject = new ArrayList<>(List.of("ip", "netns", "exec", NS));
            inject.addAll(LinkLab.java(Injector.class.getName(), LinkLab.cat(List.of("cutv2"),
                    LinkLab.migrationTraffic().toArray(String[]::new))));
            LinkLab.run(inject.toArray(String[]::new));
            // the capture writes nothing to tell it has read them: let a loaded machine's capture thread get to
            // them (frames still in the kernel's buffer at the stop are read too, for half a second at most)
            Thread.sleep(1_000);
            LinkLab.run("kill", "-INT", String.valueOf(capturing.pid()));
            assertThat(capturing.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        } finally {
            capturing.destroy();
        }
        assertThat(Files.readString(log)).contains("5 frames captured");
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
            assertThat(c.damages()).isEmpty();
        }
    }

    @Test
    void withoutPermissionTheMessageSaysWhatToDo(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: needs setpriv (util-linux)");
        // The unprivileged user may not read root's Maven repository: give it copies of the jars.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                Path copy = dir.resolve(classPath.size() + "-" + p.getFileName());
                Files.copy(p, copy);
                Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                classPath.add(copy.toString());
            } else {
                classPath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS,
                "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"),
                "-cp", String.join(java.io.File.pathSeparator, classPath), Main.class.getName(),
                "capture", "-i", "cutv3", "-c", "1"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeFalse(out.contains("ClassNotFoundException") || out.contains("Could not find or load"),
                () -> "skipped: the unprivileged user cannot read the test class path: " + out);
        assertThat(p.exitValue()).as(out).isEqualTo(4);
        assertThat(out).contains("cutv3: capturing is not permitted").contains("Run as root")
                .contains("setcap cap_net_raw,cap_net_admin=eip").doesNotContain("\tat ");
    }

    @Test
    void interfacesCommandListsTheNamespacesLinks() throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        command.addAll(LinkLab.java(Main.class.getName(), "interfaces"));
        assertThat(LinkLab.run(command.toArray(String[]::new))).contains("cutv2").contains("cutv3")
                .contains("Ethernet");
    }

    @Test
    void aBadFilterIsRefusedWithTheCompilersText() {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> LivePcap.checkFilter("arp or ("), LiveCaptureException.class))
                .hasMessageContaining("syntax error")
                .extracting(LiveCaptureException::kind).isEqualTo(LiveCaptureException.Kind.BAD_FILTER);
    }

    @Test
    void aMissingInterfaceIsNamed() {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> LivePcap.open(LiveOptions.of("cutv-none")), LiveCaptureException.class))
                .hasMessageContaining("cutv-none: no such interface");
    }

    private static void awaitText(Path log, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the capture did not start: " + Files.readString(log));
    }
}
