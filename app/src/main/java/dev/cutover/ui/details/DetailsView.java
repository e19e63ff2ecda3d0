package dev.cutover.ui.details;

import dev.cutover.dissect.Severity;
import dev.cutover.filter.MatchSelected;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The details tree: one line per protocol and field, expert infos coloured by severity. */
public final class DetailsView extends BorderPane {
    private final DetailsViewModel vm;
    private final TreeView<DetailNode> tree = new TreeView<>();
    private final Map<Integer, TreeItem<DetailNode>> items = new HashMap<>();
    private boolean updating;
    private final javafx.scene.control.ContextMenu contextMenu = new javafx.scene.control.ContextMenu();

    public DetailsView(DetailsViewModel vm) {
        this.vm = vm;
        tree.setId("detailsTree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(t -> new DetailCell());
        vm.rootsProperty().addListener((o, was, now) -> rebuild(now));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!updating) {
                updating = true;
                try {
                    vm.select(now == null ? null : now.getValue());
                } finally {
                    updating = false;
                }
            }
        });
        vm.selectedNodeProperty().addListener((o, was, now) -> {
            if (updating) {
                return;
            }
            updating = true;
            try {
                TreeItem<DetailNode> item = items.get(now.intValue());
                if (item == null) {
                    tree.getSelectionModel().clearSelection();
                } else {
                    for (TreeItem<DetailNode> p = item.getParent(); p != null; p = p.getParent()) {
                        p.setExpanded(true);
                    }
                    tree.getSelectionModel().select(item);
                    int row = tree.getRow(item);
                    if (row >= 0) {
                        tree.scrollTo(Math.max(0, row - 2));
                        // again once the tree has its rows laid out for the new frame, which moves them
                        javafx.application.Platform.runLater(() -> {
                            int now2 = tree.getRow(item);
                            if (now2 >= 0) {
                                tree.scrollTo(Math.max(0, now2 - 2));
                            }
                        });
                    }
                }
            } finally {
                updating = false;
            }
        });
        // blank until a frame is picked: say so, as an empty tree tells a new user nothing
        javafx.scene.control.Label empty = new javafx.scene.control.Label(
                "Select a packet in the list to see its protocols and fields");
        empty.setId("detailsPlaceholder");
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.rootsProperty().get().isEmpty(), vm.rootsProperty()));
        empty.setMouseTransparent(true);
        setCenter(new javafx.scene.layout.StackPane(tree, empty));
        contextMenu.setId("detailsContextMenu");
        // a ContextMenu with no items never shows (nor fires onShowing): it is filled for the line selected
        contextMenu.setOnShowing(e -> fillMenu());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> fillMenu());
        fillMenu();
        tree.setContextMenu(contextMenu);
    }

    /**
     * Wireshark's right-click menu of the details pane, for the selected line: Apply as Filter and Prepare as
     * Filter (each with Selected, Not Selected, …and/…or Selected, …and/…or not Selected), Copy.
     */
    private void fillMenu() {
        contextMenu.getItems().clear();
        TreeItem<DetailNode> item = tree.getSelectionModel().getSelectedItem();
        DetailNode line = item == null ? null : item.getValue();
        String filter = vm.filterFor(line);
        javafx.scene.control.Menu apply = new javafx.scene.control.Menu("Apply as Filter");
        apply.setId("applyAsFilterMenu");
        javafx.scene.control.Menu prepare = new javafx.scene.control.Menu("Prepare as Filter");
        prepare.setId("prepareAsFilterMenu");
        for (MatchSelected.Action a : MatchSelected.Action.values()) {
            apply.getItems().add(menuItem("applyAsFilter-" + a.name(), a.label(), () -> vm.useAsFilter(line, a, true)));
            prepare.getItems().add(menuItem("prepareAsFilter-" + a.name(), a.label(),
                    () -> vm.useAsFilter(line, a, false)));
        }
        apply.setDisable(filter == null);
        prepare.setDisable(filter == null);
        javafx.scene.control.Menu copy = new javafx.scene.control.Menu("Copy");
        copy.setId("copyMenu");
        copy.getItems().addAll(
                menuItem("copyAllVisible", "All Visible Items", () -> copy(visibleText())),
                menuItem("copyDescription", "Description", () -> copy(line == null ? "" : line.label())),
                menuItem("copyFieldName", "Field Name", () -> copy(line == null ? "" : line.abbrev())),
                menuItem("copyValue", "Value", () -> copy(line == null ? "" : DetailsViewModel.valueOf(line))),
                menuItem("copyAsFilter", "As Filter", () -> copy(filter == null ? "" : filter)));
        for (int i = 1; i < copy.getItems().size(); i++) {
            copy.getItems().get(i).setDisable(line == null || (i == 4 && filter == null));
        }
        javafx.scene.control.MenuItem expand = menuItem("expandSubtrees", "Expand Subtrees", () -> setExpanded(item, true));
        javafx.scene.control.MenuItem collapse = menuItem("collapseSubtrees", "Collapse Subtrees",
                () -> setExpanded(item, false));
        javafx.scene.control.MenuItem expandAll = menuItem("expandAll", "Expand All",
                () -> setExpanded(tree.getRoot(), true));
        javafx.scene.control.MenuItem collapseAll = menuItem("collapseAll", "Collapse All",
                () -> tree.getRoot().getChildren().forEach(c -> setExpanded(c, false)));
        expand.setDisable(item == null);
        collapse.setDisable(item == null);
        contextMenu.getItems().addAll(apply, prepare, new javafx.scene.control.SeparatorMenuItem(), copy,
                new javafx.scene.control.SeparatorMenuItem(), expand, collapse, expandAll, collapseAll);
    }

    private static javafx.scene.control.MenuItem menuItem(String id, String text, Runnable action) {
        javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem(text);
        i.setId(id);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static void copy(String text) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    private static void setExpanded(TreeItem<DetailNode> item, boolean expanded) {
        if (item == null) {
            return;
        }
        if (item.getValue() != null) {
            item.setExpanded(expanded);
        }
        item.getChildren().forEach(c -> setExpanded(c, expanded));
    }

    /** The lines the tree shows now, indented by depth: what Copy > All Visible Items puts on the clipboard. */
    String visibleText() {
        StringBuilder sb = new StringBuilder();
        for (TreeItem<DetailNode> c : tree.getRoot().getChildren()) {
            appendVisible(sb, c, 0);
        }
        return sb.toString();
    }

    private static void appendVisible(StringBuilder sb, TreeItem<DetailNode> item, int depth) {
        sb.append("    ".repeat(depth)).append(item.getValue().label()).append('\n');
        if (item.isExpanded()) {
            for (TreeItem<DetailNode> c : item.getChildren()) {
                appendVisible(sb, c, depth + 1);
            }
        }
    }

    private void rebuild(List<DetailNode> roots) {
        updating = true;
        try {
            // keep open what the user had open, by field name, as Wireshark does frame to frame
            java.util.Set<String> expanded = new java.util.HashSet<>();
            items.values().forEach(i -> {
                if (i.isExpanded()) {
                    expanded.add(i.getValue().abbrev());
                }
            });
            items.clear();
            TreeItem<DetailNode> root = new TreeItem<>();
            for (DetailNode n : roots) {
                root.getChildren().add(item(n, expanded));
            }
            tree.setRoot(root);
        } finally {
            updating = false;
        }
    }

    private TreeItem<DetailNode> item(DetailNode n, java.util.Set<String> expanded) {
        TreeItem<DetailNode> item = new TreeItem<>(n);
        items.put(n.node(), item);
        for (DetailNode c : n.children()) {
            item.getChildren().add(item(c, expanded));
        }
        item.setExpanded(expanded.contains(n.abbrev()) || n.severity() != null);
        return item;
    }

    public TreeView<DetailNode> tree() {
        return tree;
    }

    /** A line, with an expert info's severity as a style class ("expert-warning"). */
    private static final class DetailCell extends TreeCell<DetailNode> {
        private static final String[] CLASSES = {"expert-chat", "expert-note", "expert-warning", "expert-error"};

        @Override
        protected void updateItem(DetailNode n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().removeAll(CLASSES);
            if (empty || n == null) {
                setText(null);
                return;
            }
            setText(n.label());
            Severity s = n.severity();
            if (s != null) {
                getStyleClass().add("expert-" + s.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
