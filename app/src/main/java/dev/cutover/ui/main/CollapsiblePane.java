package dev.cutover.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A pane of a split that folds to its header when it has nothing to show, or when the user folds it, so the
 * packet list gets the room. In a vertical split the header is a bar across the top; in a horizontal split the
 * folded pane is a narrow strip down the side with its title turned on end. Where the dividers go is the
 * window's business ({@link MainView}); folded, the pane's maximum size is its header.
 */
public final class CollapsiblePane extends BorderPane {
    /** Height of the bar (vertical split) or width of the strip (horizontal split) when folded. */
    static final double HEADER = 30;

    private final Orientation split;
    private final Node content;
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Button toggle = new Button();
    private final double minExpanded;
    private VBox strip;
    private Node headerContent;

    /**
     * @param id          the node id; the toggle button is {@code id + "Toggle"}
     * @param split       the orientation of the split this pane sits in
     * @param minExpanded the least height (vertical) or width (horizontal) when unfolded
     */
    public CollapsiblePane(String id, String titleText, Node content, Orientation split, double minExpanded) {
        this.split = split;
        this.content = content;
        this.minExpanded = minExpanded;
        setId(id);
        getStyleClass().add("collapsible-pane");
        title.setText(titleText);
        title.getStyleClass().add("collapsible-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setId(id + "Summary");
        summary.getStyleClass().add("collapsible-summary");
        summary.setMinWidth(0);
        summary.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(summary.textProperty());
        summary.setTooltip(whole);
        toggle.setId(id + "Toggle");
        toggle.getStyleClass().addAll("flat", "collapsible-toggle");
        toggle.setFocusTraversable(false);
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        expanded.addListener((o, was, now) -> layoutState());
        build();
        layoutState();
    }

    /** Whether the pane shows its content (true) or only its header. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The words beside the title in the header ("1 MAC · 6 RARP", "no migration to show"). */
    public StringProperty summaryProperty() {
        return summary.textProperty();
    }

    /** Builds the header once; the content stays in the scene while folded, only hidden. */
    private void build() {
        if (split == Orientation.VERTICAL) {
            HBox bar = new HBox(6, toggle, title, summary);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("collapsible-header");
            bar.setPadding(new Insets(0, 8, 0, 2));
            bar.setMinHeight(HEADER);
            bar.setPrefHeight(HEADER);
            bar.setMaxHeight(HEADER);
            HBox.setHgrow(summary, Priority.ALWAYS);
            summary.setMaxWidth(Double.MAX_VALUE);
            setTop(bar);
            setCenter(content);
        } else {
            Label turned = new Label();
            turned.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                    summary.getText() == null || summary.getText().isBlank() ? title.getText()
                            : title.getText() + " · " + summary.getText(), summary.textProperty()));
            turned.getStyleClass().add("collapsible-title");
            turned.setRotate(90);
            // the same toggle serves both states: in the tab header's corner unfolded, atop the strip folded
            strip = new VBox(8, new Group(turned));
            strip.setAlignment(Pos.TOP_CENTER);
            strip.setPadding(new Insets(HEADER + 4, 0, 4, 0));
            strip.getStyleClass().add("collapsible-header");
            StackPane stack = new StackPane(content, strip, toggle);
            StackPane.setAlignment(toggle, Pos.TOP_RIGHT);
            StackPane.setMargin(toggle, new Insets(3, 3, 0, 0));
            setCenter(stack);
        }
    }

    private void layoutState() {
        boolean open = expanded.get();
        toggle.setGraphic(new FontIcon(split == Orientation.VERTICAL
                ? (open ? MaterialDesignC.CHEVRON_DOWN : MaterialDesignC.CHEVRON_RIGHT)
                : (open ? MaterialDesignC.CHEVRON_RIGHT : MaterialDesignC.CHEVRON_LEFT)));
        toggle.setTooltip(new Tooltip(open ? "Fold " + title.getText() : "Unfold " + title.getText()));
        getStyleClass().removeAll("folded");
        if (!open) {
            getStyleClass().add("folded");
        }
        content.setVisible(open);
        content.setManaged(open);
        if (strip != null) {
            strip.setVisible(!open);
            strip.setManaged(!open);
        }
        // folded, the split cannot give the pane more than its header
        if (split == Orientation.VERTICAL) {
            setMinHeight(open ? minExpanded : HEADER);
            setMaxHeight(open ? Double.MAX_VALUE : HEADER);
        } else {
            setMinWidth(open ? minExpanded : HEADER);
            setMaxWidth(open ? Double.MAX_VALUE : HEADER);
        }
    }

    /**
     * Puts a node (the pane's own tool bar) in the header bar after the title, so the unfolded pane spends no
     * second row on it; it is hidden while the pane is folded. Only for a pane in a vertical split.
     */
    public void setHeaderContent(Node node) {
        if (split != Orientation.VERTICAL || !(getTop() instanceof HBox)) {
            throw new IllegalStateException("only the bar of a pane in a vertical split takes header content");
        }
        HBox bar = (HBox) getTop();
        if (headerContent != null) {
            bar.getChildren().remove(headerContent);
        }
        headerContent = node;
        if (node != null) {
            HBox.setHgrow(summary, Priority.NEVER);
            HBox.setHgrow(node, Priority.ALWAYS);
            node.visibleProperty().bind(expanded);
            node.managedProperty().bind(expanded);
            bar.getChildren().add(node);
        }
    }

    /** Whether the pane is folded to its header. */
    public boolean isFolded() {
        return !expanded.get();
    }
}
