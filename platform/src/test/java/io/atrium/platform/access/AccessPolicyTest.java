package io.atrium.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.PlatformTestConfiguration;
import io.atrium.platform.SentCommands;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = PlatformTestConfiguration.class, properties = "ATRIUM_ADMIN_PASSWORD=platform-test-secret")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AccessPolicyTest {

    private static final Actor ADMIN = new Actor("root", Set.of(Role.ADMIN), null);
    private static final Actor OPERATOR = new Actor("otto", Set.of(Role.OPERATOR), null);

    @Autowired
    AccessPolicy access;
    @Autowired
    AppCatalog catalog;
    @Autowired
    SentCommands sent;

    @Test
    void shouldTellWhichOfManyAppsAnActorMayReadWithOneReadOfTheRules() {
        // given three apps, the operator may read one
        var refs = List.of(new AppRef("acl", "a"), new AppRef("acl", "b"), new AppRef("acl", "c"));
        for (var ref : refs) {
            catalog.saveDraft(new AppDefinition(ref, LocalizedText.of(ref.code()),
                    List.of(FieldDefinition.of("title", FieldType.STRING))), "root");
            catalog.publish(ref, "root");
        }
        access.setRules(ADMIN, refs.get(1), new AppAccess(List.of(
                new AppGrant(Role.OPERATOR, EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
        sent.clear();

        // when
        var readable = access.permitted(OPERATOR, refs, Permission.READ);

        // then
        assertThat(readable).containsExactly(refs.get(1));
        assertThat(sent.findsOn("app_access")).hasSize(1);
        assertThat(access.permitted(ADMIN, refs, Permission.ADMINISTER)).containsExactlyElementsOf(refs);
    }
}
