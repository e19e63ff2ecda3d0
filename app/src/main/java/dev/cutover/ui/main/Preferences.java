package dev.cutover.ui.main;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What Cutover remembers between runs. Unknown or missing entries fall back to defaults, so an older or
 * newer file still loads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(String theme, String timeFormat, double windowWidth, double windowHeight,
                          boolean maximized, List<Double> dividers, List<String> columnOrder,
                          List<String> hiddenColumns, List<String> recentFiles, List<String> filterHistory,
                          Double windowX, Double windowY) {
    public static final int RECENT = 10;

    public Preferences {
        theme = theme == null ? "light" : theme;
        timeFormat = timeFormat == null ? "SINCE_START" : timeFormat;
        // 0: never saved, so the first start fits the screen (WindowGeometry)
        windowWidth = windowWidth < 400 || windowHeight < 300 ? 0 : windowWidth;
        windowHeight = windowWidth == 0 ? 0 : windowHeight;
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
        columnOrder = columnOrder == null ? List.of() : List.copyOf(columnOrder);
        hiddenColumns = hiddenColumns == null ? List.of() : List.copyOf(hiddenColumns);
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        filterHistory = filterHistory == null ? List.of() : List.copyOf(filterHistory);
    }

    public static Preferences defaults() {
        return new Preferences(null, null, 0, 0, false, null, null, null, null, null, null, null);
    }

    public Preferences withTheme(String t) {
        return new Preferences(t, timeFormat, windowWidth, windowHeight, maximized, dividers, columnOrder,
                hiddenColumns, recentFiles, filterHistory, windowX, windowY);
    }

    public Preferences withTimeFormat(String t) {
        return new Preferences(theme, t, windowWidth, windowHeight, maximized, dividers, columnOrder,
                hiddenColumns, recentFiles, filterHistory, windowX, windowY);
    }

    /** The window's place on the screen (its top left corner), kept so the next start opens it there. */
    public Preferences withPosition(double x, double y) {
        return new Preferences(theme, timeFormat, windowWidth, windowHeight, maximized, dividers, columnOrder,
                hiddenColumns, recentFiles, filterHistory, x, y);
    }

    /** Whether a window size was ever saved. */
    public boolean hasWindowSize() {
        return windowWidth > 0 && windowHeight > 0;
    }

    public Preferences withWindow(double width, double height, boolean max) {
        return new Preferences(theme, timeFormat, width, height, max, dividers, columnOrder, hiddenColumns,
                recentFiles, filterHistory, windowX, windowY);
    }

    public Preferences withLayout(List<Double> divs, List<String> order, List<String> hidden) {
        return new Preferences(theme, timeFormat, windowWidth, windowHeight, maximized, divs, order, hidden,
                recentFiles, filterHistory, windowX, windowY);
    }

    public Preferences withRecentFiles(List<String> recent) {
        return new Preferences(theme, timeFormat, windowWidth, windowHeight, maximized, dividers, columnOrder,
                hiddenColumns, recent, filterHistory, windowX, windowY);
    }

    public Preferences withFilterHistory(List<String> history) {
        return new Preferences(theme, timeFormat, windowWidth, windowHeight, maximized, dividers, columnOrder,
                hiddenColumns, recentFiles, history, windowX, windowY);
    }
}
