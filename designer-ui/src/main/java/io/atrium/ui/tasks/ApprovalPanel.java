package io.atrium.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.atrium.runtime.process.task.Approvals;
import io.atrium.runtime.process.task.ProcessTask;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/** An approver's part of an approval: what is asked, the votes so far, a comment, Approve or Reject. */
final class ApprovalPanel extends VerticalLayout {

    private final TextArea comment = new TextArea();

    ApprovalPanel(ProcessTask task, List<Approvals.Vote> votes, boolean mayDecide, Locale locale,
            BiConsumer<Boolean, String> decide) {
        setId("approval-panel");
        setPadding(false);
        var approval = task.approval();
        var subject = new H4(approval.subject());
        subject.setId("approval-subject");
        add(subject, new Paragraph(getTranslation("approval.rule." + approval.rule().name().toLowerCase(Locale.ROOT))));
        if (!votes.isEmpty()) {
            var list = new VerticalLayout();
            list.setId("approval-votes");
            list.setPadding(false);
            list.setSpacing(false);
            for (Approvals.Vote vote : votes) {
                var verdict = new Span(getTranslation(vote.approved() ? "approval.approved" : "approval.rejected"));
                verdict.getElement().getThemeList().add(vote.approved() ? "badge success" : "badge error");
                var line = new Paragraph(verdict, new Span(" " + vote.by() + " · " + TaskText.time(vote.at(), locale)
                        + (vote.comment() == null || vote.comment().isBlank() ? "" : " — " + vote.comment())));
                list.add(line);
            }
            add(new H4(getTranslation("approval.votes")), list);
        }
        comment.setLabel(getTranslation("approval.comment"));
        comment.setId("approval-comment");
        comment.setWidthFull();
        comment.setMaxWidth("40rem");
        comment.setMaxLength(Approvals.MAX_COMMENT);
        var approve = new Button(getTranslation("approval.approve"), VaadinIcon.CHECK.create(),
                e -> decide.accept(true, comment.getValue()));
        approve.setId("approval-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        var reject = new Button(getTranslation("approval.reject"), VaadinIcon.CLOSE.create(),
                e -> decide.accept(false, comment.getValue()));
        reject.setId("approval-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(approve, reject);
        buttons.setWrap(true);
        approve.setEnabled(mayDecide);
        reject.setEnabled(mayDecide);
        comment.setEnabled(mayDecide);
        add(comment, buttons);
    }

    /** Shows the server's objection to the comment under it. */
    void commentError(String message) {
        comment.setErrorMessage(message);
        comment.setInvalid(message != null);
    }
}
