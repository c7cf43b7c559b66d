package io.atrium.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.app.Messages;
import io.atrium.platform.identity.AccountNames;
import io.atrium.platform.identity.ApiTokens;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.InvalidAccountException;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.identity.UserGroup;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.controls.ScreenWidth;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Users and groups, for administrators: create, change roles, groups and access, reset passwords. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Grid<UserAccount> userGrid = new Grid<>();
    private final Grid<UserGroup> groupGrid = new Grid<>();

    private final ApiTokens tokens;
    private final CurrentActor currentActor;

    public UsersView(UserDirectory users, GroupDirectory groups, ApiTokens tokens, CurrentActor currentActor) {
        this.users = users;
        this.groups = groups;
        this.tokens = tokens;
        this.currentActor = currentActor;
        setId("users-view");
        var newUser = new Button(getTranslation("users.new"), e -> edit(null));
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        userGrid.addColumn(UserAccount::username).setHeader(getTranslation("login.username"));
        var displayName = userGrid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.displayName"));
        userGrid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.roles"));
        var memberOf = userGrid.addColumn(a -> String.join(", ", a.groups())).setHeader(getTranslation("users.groups"));
        ScreenWidth.hideOnPhone(userGrid, List.of(displayName, memberOf)); // the user's dialog shows them
        userGrid.addColumn(a -> a.enabled() ? "" : getTranslation("users.disabled")).setAutoWidth(true);
        userGrid.addItemClickListener(e -> edit(e.getItem()));
        userGrid.setAllRowsVisible(true);

        var code = new TextField(getTranslation("users.groupCode"));
        code.setId("group-code");
        var name = new TextField(getTranslation("users.groupName"));
        name.setId("group-name");
        var addGroup = new Button(getTranslation("users.addGroup"), e -> {
            try {
                groups.create(code.getValue().strip(), name.getValue());
                code.clear();
                name.clear();
                refresh();
            } catch (InvalidAccountException ex) {
                if ("code".equals(ex.field())) {
                    code.setErrorMessage(Messages.text(ex.error(), getLocale()));
                    code.setInvalid(true);
                } else {
                    name.setErrorMessage(getTranslation("account.invalid." + ex.field()));
                    name.setInvalid(true);
                }
            } catch (IllegalArgumentException ex) { // the code is taken
                code.setErrorMessage(getTranslation("users.groupExists", code.getValue().strip()));
                code.setInvalid(true);
            }
        });
        addGroup.setId("add-group");
        groupGrid.addColumn(UserGroup::code).setHeader(getTranslation("users.groupCode"));
        groupGrid.addColumn(UserGroup::name).setHeader(getTranslation("users.groupName"));
        groupGrid.addComponentColumn(g -> new Button(getTranslation("users.delete"), e -> {
            groups.delete(g.code());
            refresh();
        })).setAutoWidth(true);
        groupGrid.setAllRowsVisible(true);
        groupGrid.setEmptyStateText(getTranslation("users.noGroups"));
        var groupForm = new HorizontalLayout(code, name, addGroup);
        groupForm.setAlignItems(Alignment.BASELINE);
        groupForm.setWrap(true);

        add(new H2(getTranslation("users.title")), newUser, userGrid, new H3(getTranslation("users.groups")), groupForm,
                groupGrid);
        refresh();
    }

    private void refresh() {
        userGrid.setItems(users.all());
        groupGrid.setItems(groups.all());
    }

    private void edit(UserAccount account) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(account == null ? getTranslation("users.new") : account.username());
        var username = new TextField(getTranslation("login.username"));
        var displayName = new TextField(getTranslation("users.displayName"));
        var password = new PasswordField(account == null ? getTranslation("login.password")
                : getTranslation("users.newPassword"));
        var roles = new MultiSelectComboBox<Role>(getTranslation("users.roles"));
        roles.setItems(Arrays.asList(Role.values()));
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        var memberOf = new MultiSelectComboBox<String>(getTranslation("users.groups"));
        memberOf.setItems(groups.all().stream().map(UserGroup::code).toList());
        password.setHelperText(getTranslation("users.passwordHelp"));
        var enabled = new Checkbox(getTranslation("users.enabled"), true);
        var revokeTokens = new Checkbox(getTranslation("users.revokeTokens"), true);
        revokeTokens.setId("user-revoke-tokens");
        revokeTokens.setVisible(account != null);
        username.setId("user-username");
        displayName.setId("user-display-name");
        password.setId("user-password");
        roles.setId("user-roles");
        memberOf.setId("user-groups");
        if (account != null) {
            username.setValue(account.username());
            username.setReadOnly(true);
            displayName.setValue(account.displayName());
            roles.setValue(account.roles());
            memberOf.setValue(account.groups());
            enabled.setValue(account.enabled());
        }
        var form = new FormLayout(username, displayName, password, revokeTokens, roles, memberOf, enabled);
        dialog.add(form);
        var save = new Button(getTranslation("item.save"), e -> {
            for (var field : new com.vaadin.flow.component.HasValidation[] {username, displayName, password}) {
                field.setInvalid(false);
            }
            try {
                if (account == null) {
                    users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue(),
                            Set.copyOf(memberOf.getValue()));
                } else {
                    AccountNames.displayName(displayName.getValue()); // refused before the password is changed
                    if (!password.isEmpty()) {
                        changePassword(account.username(), password.getValue(), revokeTokens.getValue());
                    }
                    users.update(account.username(), displayName.getValue(), roles.getValue(),
                            Set.copyOf(memberOf.getValue()), enabled.getValue());
                }
                dialog.close();
                refresh();
                Notification.show(getTranslation("item.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidAccountException ex) {
                switch (ex.field()) {
                    case "username" -> invalid(username, getTranslation("account.invalid.username"));
                    case "displayName" -> invalid(displayName, getTranslation("account.invalid.displayName"));
                    default -> invalid(password, getTranslation("account.password." + ex.code()));
                }
            } catch (UserDirectory.UsernameTakenException ex) {
                invalid(username, getTranslation("account.taken", username.getValue().strip()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void changePassword(String username, String password, boolean revokeTokens) {
        users.changePassword(username, password);
        if (revokeTokens) {
            tokens.revokeAll(username);
        }
        if (username.equals(currentActor.get().username())) {
            currentActor.keepSignedInAfterOwnPasswordChange(); // the change ends every other session
        }
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · Atrium";
    }
}
