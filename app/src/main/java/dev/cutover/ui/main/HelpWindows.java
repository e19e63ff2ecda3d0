package dev.cutover.ui.main;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Help > Keyboard Shortcuts and Help > User Guide: two windows that read what the application itself holds. */
final class HelpWindows {
    /** One key: what it does and where. */
    record Shortcut(String action, String keys) {
    }

    /** Keys that no menu item carries. */
    static final List<Shortcut> OTHER_KEYS = List.of(
            new Shortcut("Display filter bar: apply the filter", "Enter"),
            new Shortcut("Display filter bar: clear the filter", "Esc"),
            new Shortcut("Display filter bar, while a filter runs: stop it; the matches so far stay", "Esc"),
            new Shortcut("Find bar: find the next match, close the bar", "Enter, Esc"),
            new Shortcut("Packet list: move through the frames", "Up, Down, Page Up, Page Down, Home, End"),
            new Shortcut("Packet list: select several frames", "Shift+click, Ctrl+click"),
            new Shortcut("Details tree: Apply as Filter, Prepare as Filter, Copy", "right-click a line"),
            new Shortcut("Hex dump: select the field of a byte", "click the byte"),
            new Shortcut("Annotation: save the comment", "Ctrl+Enter (in the comment), Enter (in the tags)"),
            new Shortcut("Timeline: zoom in or out around the pointer", "mouse wheel"),
            new Shortcut("Timeline: pan", "drag"),
            new Shortcut("Timeline: zoom to a box", "Shift+drag, or right-drag"),
            new Shortcut("Timeline: select a frame, pick a burst", "click a mark or a bracket"),
            new Shortcut("Timeline: scroll the lanes",
                    "Shift+wheel, the wheel over the lane names, Page Up, Page Down, Home, End"),
            new Shortcut("Timeline: keep the lanes of a MAC, IP, VLAN, vendor or interface",
                    "type in Find lanes; Esc clears"),
            new Shortcut("Packet list: sort by a column", "click its header (again: descending, then unsorted)"));

    private HelpWindows() {
    }

    /** Every menu item with a key, as "Menu › Item", in menu order. */
    static List<Shortcut> menuShortcuts(List<Menu> menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : menus) {
            collect(m, plain(m.getText()), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu) {
                collect((Menu) i, path + " › " + plain(i.getText()), out);
            } else if (i.getAccelerator() != null) {
                out.add(new Shortcut(path + " › " + plain(i.getText()), i.getAccelerator().getDisplayText()));
            }
        }
    }

    /** A menu text without its mnemonic mark and trailing ellipsis. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("_", "").replace("…", "").strip();
    }

    static void showShortcuts(Window owner, List<Menu> menus) {
        List<Shortcut> rows = new ArrayList<>(menuShortcuts(menus));
        rows.addAll(OTHER_KEYS);
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        TableColumn<Shortcut, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(420);
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(300);
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.getItems().setAll(rows);
        TextField search = new TextField();
        search.setId("shortcutsSearch");
        search.setPromptText("Search actions and keys");
        search.textProperty().addListener((o, was, now) -> {
            String q = now.toLowerCase(Locale.ROOT).strip();
            table.getItems().setAll(rows.stream().filter(r -> q.isEmpty()
                    || r.action().toLowerCase(Locale.ROOT).contains(q)
                    || r.keys().toLowerCase(Locale.ROOT).contains(q)).toList());
        });
        Label note = new Label("Cmd instead of Ctrl on macOS. Menu keys come from the menus themselves.");
        note.getStyleClass().add("text-muted");
        VBox box = new VBox(8, search, table, note);
        box.setPadding(new Insets(10));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.setId("shortcutsView");
        show(owner, "Keyboard Shortcuts", box, 780, 620);
    }

    static void showUserGuide(Window owner) {
        List<UserGuide.Section> sections = UserGuide.load();
        ListView<UserGuide.Section> toc = new ListView<>();
        toc.setId("guideContents");
        toc.getItems().setAll(sections);
        toc.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(UserGuide.Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : "  ".repeat(Math.max(0, s.level() - 1)) + s.title());
            }
        });
        VBox page = new VBox(8);
        page.setId("guidePage");
        page.setPadding(new Insets(12));
        page.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        toc.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            page.getChildren().setAll(render(now));
            scroll.setVvalue(0);
        });
        if (sections.isEmpty()) {
            page.getChildren().add(new Label("The user guide is not in this build."));
        } else {
            toc.getSelectionModel().select(desktopSection(sections));
        }
        SplitPane split = new SplitPane(toc, scroll);
        split.setDividerPositions(0.26);
        BorderPane root = new BorderPane(split);
        root.setId("userGuideView");
        show(owner, "Cutover User Guide", root, 1000, 720);
    }

    /** The guide opens at the Desktop section, the one about the window the user is looking at. */
    private static int desktopSection(List<UserGuide.Section> sections) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).title().equalsIgnoreCase("Desktop")) {
                return i;
            }
        }
        return 0;
    }

    private static List<javafx.scene.Node> render(UserGuide.Section s) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        if (s == null) {
            return nodes;
        }
        Label title = new Label(s.title());
        title.getStyleClass().add(s.level() <= 2 ? "title-3" : "title-4");
        nodes.add(title);
        GridPane table = null;
        int row = 0;
        StringBuilder code = null;
        for (UserGuide.Block b : s.blocks()) {
            if (b.kind() != UserGuide.Kind.CODE && code != null) {
                nodes.add(codeLabel(code));
                code = null;
            }
            if (b.kind() != UserGuide.Kind.TABLE_ROW) {
                table = null;
            }
            switch (b.kind()) {
                case CODE:
                    code = code == null ? new StringBuilder(b.text()) : code.append('\n').append(b.text());
                    break;
                case TABLE_ROW:
                    if (table == null) {
                        table = new GridPane();
                        table.setHgap(14);
                        table.setVgap(4);
                        table.getStyleClass().add("guide-table");
                        nodes.add(table);
                        row = 0;
                    }
                    for (int c = 0; c < b.cells().size(); c++) {
                        Label cell = wrapped(b.cells().get(c));
                        cell.setMaxWidth(c == b.cells().size() - 1 ? 560 : 260);
                        if (row == 0) {
                            cell.setStyle("-fx-font-weight: bold;");
                        }
                        table.add(cell, c, row);
                    }
                    row++;
                    break;
                case BULLET:
                    Label bullet = wrapped("•  " + b.text());
                    bullet.setPadding(new Insets(0, 0, 0, 14 + 18 * b.depth()));
                    nodes.add(bullet);
                    break;
                case PICTURE:
                    Label picture = wrapped("[Screenshot: " + b.text() + "]");
                    picture.getStyleClass().add("text-muted");
                    nodes.add(picture);
                    break;
                case PARAGRAPH:
                default:
                    nodes.add(wrapped(b.text()));
            }
        }
        if (code != null) {
            nodes.add(codeLabel(code));
        }
        return nodes;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label codeLabel(StringBuilder code) {
        Label l = new Label(code.toString());
        l.getStyleClass().add("guide-code");
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static void show(Window owner, String title, javafx.scene.Parent root, double w, double h) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(root, w, h);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
