package dev.cutover.ui.main;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the window opens: fitted to the screen on a first start, and never off the visible screens after. */
class WindowGeometryTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 770);

    @Test
    void aFirstStartTakesNinetyPercentOfThePrimaryScreenCentred() {
        Rectangle2D g = WindowGeometry.of(Preferences.defaults(), List.of(FULL_HD), FULL_HD);
        assertThat(g.getWidth()).isEqualTo(1728);
        assertThat(g.getHeight()).isEqualTo(945);
        assertThat(g.getMinX()).isEqualTo(96);
        assertThat(g.getMinY()).isEqualTo(52.5);
    }

    @Test
    void aFirstStartOnALaptopScreenTakesAllOfIt() {
        Rectangle2D g = WindowGeometry.of(Preferences.defaults(), List.of(LAPTOP), LAPTOP);
        assertThat(g).isEqualTo(LAPTOP);
    }

    @Test
    void aSizeSavedOnABiggerScreenIsClampedSoTheMenuBarStaysOnScreen() {
        Preferences saved = Preferences.defaults().withWindow(1900, 1040, false).withPosition(10, 5);
        Rectangle2D g = WindowGeometry.of(saved, List.of(LAPTOP), LAPTOP);
        assertThat(g.getWidth()).isEqualTo(1280);
        assertThat(g.getHeight()).isEqualTo(770);
        assertThat(g.getMinX()).isZero();
        assertThat(g.getMinY()).isZero();
    }

    @Test
    void aPlaceOnAScreenSinceUnpluggedMovesToTheScreenThatIsLeft() {
        Preferences saved = Preferences.defaults().withWindow(1200, 700, false).withPosition(2100, 100);
        Rectangle2D g = WindowGeometry.of(saved, List.of(FULL_HD), FULL_HD);
        assertThat(g.getMaxX()).isLessThanOrEqualTo(1920);
        assertThat(g.getMinY()).isEqualTo(100);
        assertThat(g.getWidth()).isEqualTo(1200);
    }

    @Test
    void aWindowOnTheSecondScreenStaysThere() {
        Rectangle2D right = new Rectangle2D(1920, 0, 2560, 1400);
        Preferences saved = Preferences.defaults().withWindow(1600, 1000, false).withPosition(2000, 50);
        Rectangle2D g = WindowGeometry.of(saved, List.of(FULL_HD, right), FULL_HD);
        assertThat(g).isEqualTo(new Rectangle2D(2000, 50, 1600, 1000));
    }

    @Test
    void aWindowAboveTheScreenComesDownSoItsTitleCanBeReached() {
        Preferences saved = Preferences.defaults().withWindow(1000, 600, false).withPosition(100, -300);
        Rectangle2D g = WindowGeometry.of(saved, List.of(FULL_HD), FULL_HD);
        assertThat(g.getMinY()).isZero();
    }
}
