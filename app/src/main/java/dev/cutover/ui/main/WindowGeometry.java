package dev.cutover.ui.main;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the window opens: on a first start, 90 % of the primary screen's visible area, centred (all of it on a
 * laptop's screen, up to 1440 points wide, where every column counts); afterwards the
 * saved size and place, clamped to the visible screens so that a size saved on a larger monitor, or a place on
 * a monitor since unplugged, never puts the menu bar off the screen.
 */
public final class WindowGeometry {
    /** The share of the screen a first start takes. */
    static final double FIRST_START_SHARE = 0.9;
    /** The widest screen on which a first start takes all of the visible area. */
    static final double SMALL_SCREEN = 1440;

    private WindowGeometry() {
    }

    /**
     * @param screens the visible bounds of every screen (without task bars and docks)
     * @param primary the primary screen's visible bounds
     * @return the window's x, y, width and height
     */
    public static Rectangle2D of(Preferences p, List<Rectangle2D> screens, Rectangle2D primary) {
        if (!p.hasWindowSize()) {
            double share = primary.getWidth() <= SMALL_SCREEN ? 1 : FIRST_START_SHARE;
            double w = Math.round(primary.getWidth() * share);
            double h = Math.round(primary.getHeight() * share);
            return new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2,
                    primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
        }
        boolean placed = p.windowX() != null && p.windowY() != null;
        Rectangle2D screen = primary;
        if (placed) {
            Rectangle2D saved = new Rectangle2D(p.windowX(), p.windowY(), p.windowWidth(), p.windowHeight());
            double best = 0;
            for (Rectangle2D s : screens) {
                double area = overlap(s, saved);
                if (area > best) {
                    best = area;
                    screen = s;
                }
            }
        }
        double w = Math.min(p.windowWidth(), screen.getWidth());
        double h = Math.min(p.windowHeight(), screen.getHeight());
        double x = placed ? p.windowX() : screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = placed ? p.windowY() : screen.getMinY() + (screen.getHeight() - h) / 2;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
