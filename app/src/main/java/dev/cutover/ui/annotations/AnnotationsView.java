package dev.cutover.ui.annotations;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The side panel: the current frame's comment and tags, saved with one click (or Ctrl+Enter). */
public final class AnnotationsView extends VBox {
    private final TextArea comment = new TextArea();

    public AnnotationsView(AnnotationsViewModel vm) {
        super(6);
        setId("annotationsView");
        setPadding(new Insets(6));
        Label title = new Label();
        title.setId("annotationTitle");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.frameProperty().get() < 0
                ? "Annotation: select a frame" : "Annotation of frame " + (vm.frameProperty().get() + 1),
                vm.frameProperty()));
        comment.setId("annotationComment");
        comment.setPromptText("Comment");
        comment.setWrapText(true);
        comment.setPrefRowCount(4);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                vm.apply();
                e.consume();
            }
        });
        TextField tags = new TextField();
        tags.setId("annotationTags");
        tags.setPromptText("Tags, comma-separated: cut-over, first RARP, evidence");
        tags.textProperty().bindBidirectional(vm.tagsProperty());
        tags.setOnAction(e -> vm.apply());
        Button save = new Button("Save");
        save.setId("annotationSave");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.apply());
        Button remove = new Button("Remove");
        remove.setId("annotationRemove");
        remove.setOnAction(e -> vm.remove());
        save.disableProperty().bind(vm.frameProperty().lessThan(0).or(vm.waitingProperty()));
        remove.disableProperty().bind(vm.frameProperty().lessThan(0).or(vm.waitingProperty()));
        comment.disableProperty().bind(vm.frameProperty().lessThan(0).or(vm.waitingProperty()));
        tags.disableProperty().bind(vm.frameProperty().lessThan(0).or(vm.waitingProperty()));
        Label message = new Label();
        message.setId("annotationMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox.setVgrow(comment, Priority.ALWAYS);
        getChildren().addAll(title, comment, tags, new HBox(6, save, remove), message);
    }

    /** Puts the cursor in the comment (the packet list's "Annotate Frame…"). */
    public void focusComment() {
        comment.requestFocus();
    }
}
