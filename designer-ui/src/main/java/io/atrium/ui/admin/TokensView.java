package io.atrium.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.identity.ApiToken;
import io.atrium.platform.identity.ApiTokens;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.PermitAll;

/** A person's own API tokens: create one (its secret is shown once), see when each was used, revoke. */
@Route("me/tokens")
@PermitAll
public class TokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokens tokens;
    private final String username;
    private final Grid<ApiToken> grid = new Grid<>();

    public TokensView(ApiTokens tokens, CurrentActor currentActor) {
        this.tokens = tokens;
        this.username = currentActor.get().username();
        setId("tokens-view");
        var name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        var secret = new TextField(getTranslation("tokens.secret"));
        secret.setId("token-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setVisible(false);
        var create = new Button(getTranslation("tokens.create"), e -> {
            var issued = tokens.issue(username, name.getValue());
            secret.setValue(issued.secret());
            secret.setHelperText(getTranslation("tokens.once"));
            secret.setVisible(true);
            name.clear();
            refresh();
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name"));
        grid.addColumn(t -> t.createdAt().toString()).setHeader(getTranslation("tokens.created"));
        grid.addColumn(t -> t.lastUsedAt() == null ? "" : t.lastUsedAt().toString())
                .setHeader(getTranslation("tokens.used"));
        grid.addComponentColumn(t -> {
            if (t.revoked()) {
                return new Paragraph(getTranslation("tokens.revoked"));
            }
            var revoke = new Button(getTranslation("tokens.revoke"), e -> {
                tokens.revoke(username, t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")), form, secret, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.of(username));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title") + " · Atrium";
    }
}
