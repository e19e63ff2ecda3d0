package dev.cutover.ui.find;

import dev.cutover.capture.Capture;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.packets.PacketListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edit > Find Packet without a window: what each mode finds in the ESXi sample, from where, and what it says. */
class FindViewModelTest {
    /** 0-based: frame 44, the guest's gratuitous ARP ("ARP Announcement for 10.0.10.52"). */
    private static final int GARP = 43;
    /** 0-based: frame 47, the last RARP. */
    private static final int LAST_RARP = 46;

    private Capture capture;
    private PacketListViewModel packets;
    private FindViewModel find;

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(UiFixtures.SAMPLE);
        packets = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
        packets.setCapture(capture);
        // what the packet list's view does with a selection request: the first row becomes the current frame,
        // none (a filter hid the current frame) leaves no current frame
        packets.selectionRequestProperty().addListener((o, was, now) ->
                packets.setCurrentFrame(now.rows().length == 0 ? -1 : packets.frames().get(now.rows()[0])));
        find = new FindViewModel(Tasks.DIRECT, packets, () -> capture, () -> null, f -> List.of(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    private void look(PacketSearch.Mode mode, PacketSearch.Scope scope, String text) {
        find.modeProperty().set(mode);
        find.scopeProperty().set(scope);
        find.textProperty().set(text);
    }

    @Test
    void aDisplayFilterFindsTheNextMatchingFrameAfterTheCurrentOneAndWrapsAround() {
        look(PacketSearch.Mode.DISPLAY_FILTER, PacketSearch.Scope.LIST, "arp.opcode == 3");
        assertThat(find.validityProperty().get()).isEqualTo(FindViewModel.Validity.VALID);
        assertThat(find.findNext()).isTrue();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(find.resultProperty().get()).isEqualTo("Found frame 41");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP + 1);
        find.findPrevious();
        find.findPrevious();
        // before the first RARP there is none: round to the last one
        assertThat(packets.currentFrameProperty().get()).isEqualTo(LAST_RARP);
        assertThat(find.resultProperty().get()).isEqualTo("Found frame 47, after wrapping around to the last frame");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(find.resultProperty().get()).isEqualTo("Found frame 41, after wrapping around to the first frame");
    }

    @Test
    void aFilterOnTheAnalysisBeforeTheAnalysisSaysSoInsteadOfNotFound() {
        // this find has no analysis (its supplier gives null), as before the window's analysis has finished
        look(PacketSearch.Mode.DISPLAY_FILTER, PacketSearch.Scope.LIST, "migration.class == \"RARP request\"");
        find.findNext();
        assertThat(find.resultProperty().get()).isEqualTo("The search stopped: migration.class comes from the "
                + "migration analysis, which has not been run on these frames");
    }

    @Test
    void theOnlyMatchIsFoundAgainFromItself() {
        look(PacketSearch.Mode.DISPLAY_FILTER, PacketSearch.Scope.LIST, "arp.isgratuitous");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(GARP);
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(GARP);
        assertThat(find.resultProperty().get()).contains("after wrapping around");
    }

    @Test
    void hexValuesAreReadAsWiresharkTakesThem() {
        for (String mac : List.of("00:50:56:9d:b0:51", "00 50 56 9D B0 51", "0050569db051", "00-50-56-9d-b0-51")) {
            packets.setCurrentFrame(-1);
            look(PacketSearch.Mode.HEX, PacketSearch.Scope.LIST, mac);
            assertThat(find.validityProperty().get()).as(mac).isEqualTo(FindViewModel.Validity.VALID);
            find.findNext();
            assertThat(packets.currentFrameProperty().get()).as(mac).isEqualTo(UiFixtures.FIRST_RARP);
        }
    }

    @Test
    void aStringIsLookedForInTheListsColumnsTheDetailsLinesOrTheBytes() {
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "announcement for 10.0.10.52");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(GARP);

        packets.setCurrentFrame(-1);
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "RARP");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);

        // a details line that no column shows
        packets.setCurrentFrame(-1);
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.DETAILS, "opcode: reverse request (3)");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "opcode: reverse request (3)");
        find.findNext();
        assertThat(find.resultProperty().get()).isEqualTo("No packet matched");

        // frame 2's payload holds the letters KXer, frame 3's does not
        packets.setCurrentFrame(0);
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.BYTES, "kxer");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(1);
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(4);
        find.caseSensitiveProperty().set(true);
        find.findNext();
        assertThat(find.resultProperty().get()).isEqualTo("No packet matched");
        find.textProperty().set("KXer");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isGreaterThan(4);
    }

    @Test
    void theSearchGoesThroughTheDisplayedFramesOnly() throws Exception {
        packets.applyFilter(CompiledFilter.compile("arp.opcode == 2"));
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "00:50:56:9d:b0:51");
        find.findNext();
        assertThat(find.resultProperty().get()).isEqualTo("No packet matched");
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "is at");
        find.findNext();
        assertThat(packets.currentFrameProperty().get()).isEqualTo(26); // frame 27, the first ARP reply
    }

    @Test
    void nothingFoundSaysSoAndABadFilterOrHexValueSaysWhyAndWhere() {
        look(PacketSearch.Mode.STRING, PacketSearch.Scope.DETAILS, "no such words in any frame");
        find.findNext();
        assertThat(find.resultProperty().get()).isEqualTo("No packet matched");
        assertThat(find.foundProperty().get()).isEqualTo(-1);

        look(PacketSearch.Mode.DISPLAY_FILTER, PacketSearch.Scope.LIST, "arp.opcod == 3");
        assertThat(find.validityProperty().get()).isEqualTo(FindViewModel.Validity.INVALID);
        assertThat(find.problemProperty().get()).contains("Did you mean arp.opcode?").endsWith("(at character 1)");
        assertThat(find.findNext()).isFalse();

        look(PacketSearch.Mode.HEX, PacketSearch.Scope.LIST, "00 5g");
        assertThat(find.problemProperty().get()).isEqualTo("\"g\" is not a hex digit: write bytes as 00 50 56, "
                + "005056 or 00:50:56 (at character 5)");
        look(PacketSearch.Mode.HEX, PacketSearch.Scope.LIST, "00:505");
        assertThat(find.problemProperty().get()).startsWith("\"505\" has an odd number of hex digits");
        look(PacketSearch.Mode.HEX, PacketSearch.Scope.LIST, "00:50");
        assertThat(find.problemProperty().get()).isEmpty();
        find.textProperty().set("");
        assertThat(find.validityProperty().get()).isEqualTo(FindViewModel.Validity.EMPTY);
        assertThat(find.findNext()).isFalse();
        assertThat(find.resultProperty().get()).isEqualTo("Enter the bytes to find");
    }

    @Test
    void cancelStopsASearchAndEscClosesTheBar() {
        List<Runnable> queued = new ArrayList<>();
        Tasks held = new Tasks() {
            @Override
            public void background(Runnable work) {
                queued.add(work);
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public Executor serial(String name) {
                return Runnable::run;
            }
        };
        FindViewModel slow = new FindViewModel(held, packets, () -> capture, () -> null, f -> List.of());
        slow.openProperty().set(true);
        slow.textProperty().set("arp");
        assertThat(slow.findNext()).isTrue();
        assertThat(slow.searchingProperty().get()).isTrue();
        slow.cancelOrClose();
        assertThat(slow.resultProperty().get()).isEqualTo("Search cancelled");
        assertThat(slow.openProperty().get()).isTrue();
        queued.forEach(Runnable::run); // the pass finds its generation gone and selects nothing
        assertThat(packets.currentFrameProperty().get()).isEqualTo(-1);
        assertThat(slow.resultProperty().get()).isEqualTo("Search cancelled");
        slow.cancelOrClose();
        assertThat(slow.openProperty().get()).isFalse();
    }

    @Test
    void hexParsingAcceptsSingleDigitsBetweenSeparators() throws FilterException {
        assertThat(PacketSearch.parseHex("0:50:56")).containsExactly(0x00, 0x50, 0x56);
        assertThat(PacketSearch.parseHex(" 00 50 56 ")).containsExactly(0x00, 0x50, 0x56);
        assertThat(PacketSearch.parseHex("ff.FF")).containsExactly(0xff, 0xff);
        assertThatThrownBy(() -> PacketSearch.parseHex(" : "))
                .isInstanceOf(FilterException.class).hasMessageContaining("Enter the bytes");
    }
}
