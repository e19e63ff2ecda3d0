package dev.cutover.ui.details;

import dev.cutover.dissect.Severity;
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
                    }
                }
            } finally {
                updating = false;
            }
        });
        setCenter(tree);
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
