package io.atrium.platform.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.PlatformTestConfiguration;
import io.atrium.platform.SentCommands;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.AppGrant;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.audit.AuditTrail;
import io.atrium.platform.identity.Role;
import io.atrium.platform.item.internal.AuditRelay;
import io.atrium.platform.item.internal.ItemCollections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = PlatformTestConfiguration.class, properties = "ATRIUM_ADMIN_PASSWORD=platform-test-secret")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ItemsTest {

    private static final AtomicInteger APPS = new AtomicInteger();
    private static final Actor ANALYST = new Actor("ana", java.util.Set.of(Role.ANALYST), null);
    private static final Actor OPERATOR = new Actor("otto", java.util.Set.of(Role.OPERATOR), null);
    /** Holds every permission on the test apps, but uploads nothing. */
    private static final Actor OTHER_ANALYST = new Actor("adele", java.util.Set.of(Role.ANALYST), null);
    private static final Actor OTHER_OPERATOR = new Actor("olga", java.util.Set.of(Role.OPERATOR), null);

    @Autowired
    AppCatalog catalog;
    @Autowired
    Items items;
    @Autowired
    AccessPolicy access;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditRelay relay;
    @Autowired
    ItemCollections collections;
    @Autowired
    io.atrium.platform.item.internal.FileBucket bucket;
    @Autowired
    ItemFiles files;
    @Autowired
    SentCommands sent;
    @Autowired
    io.atrium.platform.form.FormActions actions;

    AppRef companies;
    AppRef contacts;

    @BeforeEach
    void defineCompaniesAndContacts() {
        String ns = "crm" + APPS.incrementAndGet();
        companies = new AppRef(ns, "companies");
        contacts = new AppRef(ns, "contacts");
        catalog.saveDraft(new AppDefinition(companies, new LocalizedText("Companies", "Компании"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true))), "ana");
        catalog.publish(companies, "ana");
        catalog.saveDraft(new AppDefinition(contacts, new LocalizedText("Contacts", "Контакты"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                new FieldDefinition("email", FieldType.EMAIL, null, false, true, false, false, null, false, null,
                        null, null, null, null),
                FieldDefinition.of("age", FieldType.NUMBER),
                new FieldDefinition("company", FieldType.REFERENCE, null, false, false, true, false, null, false,
                        null, companies, null, null, null))), "ana");
        catalog.publish(contacts, "ana");
    }

    private Item contact(Actor actor, String name, int age) {
        return items.create(actor, contacts, Map.of("name", name, "age", age));
    }

    @Test
    void shouldSetAFieldFromAFormButtonAndTellItInTheReadersLanguage() {
        var acme = items.create(ANALYST, companies, Map.of("name", "Acme"));

        var renamed = actions.run(ANALYST, companies, acme.id(), acme.version(), "set:name=Acme Ltd");
        var cleared = actions.run(ANALYST, contacts, contact(ANALYST, "Ann", 30).id(), 1, "set:age=");

        assertThat(items.get(ANALYST, companies, acme.id()).values()).containsEntry("name", "Acme Ltd");
        assertThat(io.atrium.platform.app.Messages.text(renamed, java.util.Locale.ENGLISH)).isEqualTo("The field name is now \"Acme Ltd\"");
        assertThat(io.atrium.platform.app.Messages.text(renamed, java.util.Locale.of("ru"))).isEqualTo("Поле name теперь «Acme Ltd»");
        assertThat(io.atrium.platform.app.Messages.text(cleared, java.util.Locale.ENGLISH)).isEqualTo("The field age is cleared");
        assertThatThrownBy(() -> actions.run(ANALYST, companies, acme.id(), 2, "nothing:here"))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void shouldCreateAContactThatReferencesItsCompany() {
        var acme = items.create(ANALYST, companies, Map.of("name", "Acme"));

        var ann = items.create(ANALYST, contacts, Map.of("name", "Ann", "email", "ann@example.com",
                "company", acme.id()));

        assertThat(ann.version()).isEqualTo(1);
        assertThat(ann.appVersion()).isEqualTo(1);
        assertThat(items.get(ANALYST, contacts, ann.id()).values()).containsEntry("company", acme.id())
                .containsEntry("email", "ann@example.com");
        assertThatThrownBy(() -> items.create(ANALYST, contacts, Map.of("name", "Bob", "company", "nope")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("company", "reference")));
    }

    @Test
    void shouldRefuseAStaleUpdateAndAuditChanges() {
        var ann = contact(ANALYST, "Ann", 30);
        var updated = items.update(ANALYST, contacts, ann.id(), 1, Map.of("age", 31));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.values()).containsEntry("age", 31L);
        assertThatThrownBy(() -> items.update(ANALYST, contacts, ann.id(), 1, Map.of("age", 99)))
                .isInstanceOfSatisfying(StaleItemException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        var trail = items.history(ANALYST, contacts, ann.id());
        assertThat(trail).extracting(e -> e.action()).containsExactly("item.created", "item.updated");
        assertThat(trail.getFirst().changes()).containsEntry("name", "Ann").containsEntry("age", 30L);
        assertThat(trail.getLast().changes()).containsEntry("age", List.of(30L, 31L));
        assertThat(trail.getLast().actor()).isEqualTo("ana");
    }

    @Test
    void shouldMoveAuditEntriesFromItemsToTheTrailExactlyOnce() {
        var ann = contact(ANALYST, "Ann", 30);
        items.update(ANALYST, contacts, ann.id(), 1, Map.of("age", 31));
        items.delete(ANALYST, contacts, ann.id(), 2);
        String subject = contacts + "/" + ann.id();

        relay.flush();
        // as after a crash between appending and removing: the entries are back in the item
        var moved = audit.about(subject);
        var raw = collections.of(contacts);
        raw.updateOne(com.mongodb.client.model.Filters.eq("_id", ann.id()), com.mongodb.client.model.Updates
                .set(ItemCollections.PENDING_AUDIT, moved.stream().map(e -> AuditTrail.entry(e.actor(), e.action(),
                        e.subject(), e.version(), e.changes())).toList()));
        relay.sweep();

        assertThat(audit.about(subject)).extracting(e -> e.action())
                .containsExactly("item.created", "item.updated", "item.deleted");
        assertThat(raw.find(com.mongodb.client.model.Filters.eq("_id", ann.id())).first()
                .getList(ItemCollections.PENDING_AUDIT, org.bson.Document.class)).isEmpty();
        assertThat(items.history(ANALYST, contacts, ann.id())).hasSize(3);
        access.setRules(ANALYST, contacts, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
        assertThatThrownBy(() -> items.history(OPERATOR, contacts, ann.id())) // a deleted item: restorers only
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldKeepFilesWithTheItemThatTookThemAndRemoveUploadsNoItemTook() throws Exception {
        var documents = new AppRef(contacts.namespace(), "documents");
        catalog.saveDraft(new AppDefinition(documents, LocalizedText.of("Documents"), List.of(
                FieldDefinition.of("title", FieldType.STRING), FieldDefinition.of("scan", FieldType.FILE))), "ana");
        catalog.publish(documents, "ana");
        var kept = files.upload(ANALYST, documents, "scan", "C:\\scans\\contract.pdf", "application/pdf",
                new java.io.ByteArrayInputStream("contract".getBytes()));
        var dropped = files.upload(ANALYST, documents, "scan", "draft.pdf", null,
                new java.io.ByteArrayInputStream("draft".getBytes()));
        var lost = files.upload(ANALYST, documents, "scan", "lost.pdf", null,
                new java.io.ByteArrayInputStream("lost".getBytes()));

        assertThat(kept.name()).as("the path a browser may send is cut off").isEqualTo("contract.pdf");
        assertThat(dropped.contentType()).isEqualTo("application/octet-stream");
        var doc = items.create(ANALYST, documents, Map.of("title", "Contract", "scan", kept.id()));
        assertThatThrownBy(() -> items.create(OTHER_ANALYST, documents, Map.of("title", "Mine", "scan", dropped.id())))
                .as("only the uploader attaches an upload").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> items.create(ANALYST, documents, Map.of("title", "Copy", "scan", kept.id())))
                .as("a file belongs to one item").isInstanceOf(ValidationException.class);
        // as after a crash between writing an item and attaching its file
        collections.of(documents).insertOne(new org.bson.Document("_id", "crashed").append("title", "Lost")
                .append("scan", lost.id()));

        int removed = bucket.removeUnattached(java.time.Instant.now().plusSeconds(1));

        assertThat(removed).isEqualTo(1);
        assertThat(files.describe(List.of(kept.id(), dropped.id(), lost.id()))).containsOnlyKeys(kept.id(),
                lost.id());
        try (var download = files.open(ANALYST, documents, doc.id(), kept.id())) {
            assertThat(download.content().readAllBytes()).isEqualTo("contract".getBytes());
            assertThat(download.file().sha256()).hasSize(64);
        }
        assertThatThrownBy(() -> files.open(ANALYST, documents, doc.id(), lost.id()))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void shouldRefuseADuplicateOfAUniqueField() {
        items.create(ANALYST, contacts, Map.of("name", "Ann", "email", "ann@example.com"));

        assertThatThrownBy(() -> items.create(ANALYST, contacts, Map.of("name", "Ann 2", "email", "ann@example.com")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.code()).isEqualTo("unique")));
    }

    @Test
    void shouldSearchWithTypedFiltersAndPageWithoutRepeats() {
        for (int i = 0; i < 25; i++) {
            contact(ANALYST, "Person " + i, 20 + i % 10);
        }
        contact(ANALYST, "Zed Brown", 99);

        var adults = items.search(ANALYST, contacts, new ItemQuery(new ItemFilter.Range("age", 25, 27), "age",
                false, 50, null));
        assertThat(adults.items()).extracting(i -> i.values().get("age")).allSatisfy(
                age -> assertThat((Long) age).isBetween(25L, 27L)).hasSize(6); // ages 25..29 occur twice among 25

        var found = items.search(ANALYST, contacts, new ItemQuery(new ItemFilter.FullText("brown"), null, false,
                10, null));
        assertThat(found.items()).extracting(i -> i.values().get("name")).containsExactly("Zed Brown");

        var seen = new HashSet<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = items.search(ANALYST, contacts, new ItemQuery(ItemFilter.NONE, "age", true, 7, cursor));
            page.items().forEach(i -> assertThat(seen.add(i.id())).as("seen once: " + i.id()).isTrue());
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(26);
        assertThat(pages).isEqualTo(4);

        assertThatThrownBy(() -> items.search(ANALYST, contacts, new ItemQuery(
                new ItemFilter.Equals("salary", 1), null, false, 10, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("has no field \"salary\"");
    }

    @Test
    void shouldBoundEveryReadOfAPersonsRequestByTheQueryTimeLimit() {
        // given
        var ann = contact(ANALYST, "Ann", 30);
        contact(ANALYST, "Bob", 31);
        sent.clear();

        // when
        var page = items.search(ANALYST, contacts, new ItemQuery(ItemFilter.NONE, "age", false, 1, null));
        items.search(ANALYST, contacts, new ItemQuery(ItemFilter.NONE, "age", false, 1, page.next()));
        items.find(ANALYST, contacts, List.of(ann.id()));
        items.get(ANALYST, contacts, ann.id());
        items.history(ANALYST, contacts, ann.id());

        // then
        var finds = new java.util.ArrayList<>(sent.findsOn(collections.of(contacts).getNamespace().getCollectionName()));
        finds.addAll(sent.findsOn("audit"));
        assertThat(finds).hasSizeGreaterThanOrEqualTo(6).allSatisfy(find -> assertThat(find.getNumber("maxTimeMS")
                .longValue()).isEqualTo(PlatformTestConfiguration.QUERY_TIME_LIMIT.toMillis()));
    }

    @Test
    void shouldDenyAnOperatorWithoutAGrant() {
        var ann = contact(ANALYST, "Ann", 30);

        assertThatThrownBy(() -> items.get(OPERATOR, contacts, ann.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> items.search(OPERATOR, contacts, ItemQuery.all(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contact(OPERATOR, "Mallory", 40)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldLimitAnOperatorToTheirOwnItemsWhenGrantedSo() {
        access.setRules(ANALYST, contacts, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.OWN)), null, null));
        var mine = contact(OPERATOR, "Mine", 30);
        var theirs = contact(OTHER_OPERATOR, "Theirs", 31);

        assertThat(items.search(OPERATOR, contacts, ItemQuery.all(10)).items()).extracting(Item::id)
                .containsExactly(mine.id());
        assertThatThrownBy(() -> items.get(OPERATOR, contacts, theirs.id())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> items.update(OPERATOR, contacts, theirs.id(), 1, Map.of("age", 1)))
                .isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> items.delete(OPERATOR, contacts, mine.id(), 1))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldCountOnlyWhatTheActorMaySeeUpToTheCap() {
        access.setRules(ANALYST, contacts, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.OWN),
                new AppGrant(Role.ANALYST, EnumSet.allOf(Permission.class), ItemScope.ALL)), null, null));
        contact(OPERATOR, "Mine", 30);
        contact(OPERATOR, "Also mine", 40);
        contact(OTHER_OPERATOR, "Theirs", 31);
        var gone = contact(ANALYST, "Gone", 50);
        items.delete(ANALYST, contacts, gone.id(), 1);
        var all = new ItemFilter.All(List.of());

        assertThat(items.count(OPERATOR, contacts, all, false, 100)).isEqualTo(2);
        assertThat(items.count(ANALYST, contacts, all, false, 100)).isEqualTo(3);
        assertThat(items.count(ANALYST, contacts, all, false, 2)).isEqualTo(2);
        assertThat(items.count(ANALYST, contacts, new ItemFilter.Range("age", 35, null), false, 100)).isEqualTo(1);
        assertThat(items.count(ANALYST, contacts, all, true, 100)).isEqualTo(1);
        assertThatThrownBy(() -> items.count(OPERATOR, contacts, all, true, 100))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldDeleteSoftlyAndRestore() {
        var ann = contact(ANALYST, "Ann", 30);

        var deleted = items.delete(ANALYST, contacts, ann.id(), 1);

        assertThat(deleted.deleted()).isTrue();
        assertThatThrownBy(() -> items.get(ANALYST, contacts, ann.id())).isInstanceOf(ItemNotFoundException.class);
        assertThat(items.search(ANALYST, contacts, ItemQuery.all(10)).items()).isEmpty();
        var restored = items.restore(ANALYST, contacts, ann.id(), deleted.version());
        assertThat(items.get(ANALYST, contacts, ann.id()).version()).isEqualTo(restored.version());
    }

    @Test
    void shouldRefuseAPublishThatStoredItemsCannotFollowAndMigrateWhatTheyCan() {
        contact(ANALYST, "Ann", 30);
        var draft = catalog.draft(contacts).orElseThrow().definition();
        var retyped = draft.fields().stream().map(f -> f.code().equals("age")
                ? FieldDefinition.of("age", FieldType.DATE) : f).toList();
        catalog.saveDraft(new AppDefinition(contacts, draft.name(), retyped), "ana");

        assertThatThrownBy(() -> catalog.publish(contacts, "ana"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("number values that cannot become date")));

        var withSegment = new java.util.ArrayList<>(draft.fields());
        withSegment.add(new FieldDefinition("segment", FieldType.STRING, null, true, false, false, false, "retail",
                false, null, null, null, null, null));
        catalog.saveDraft(new AppDefinition(contacts, draft.name(), withSegment), "ana");
        var v2 = catalog.publish(contacts, "ana");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(items.search(ANALYST, contacts, ItemQuery.all(10)).items())
                .allSatisfy(i -> assertThat(i.values()).containsEntry("segment", "retail"));
        assertThat(catalog.versions(contacts)).extracting(v -> v.version()).containsExactly(1, 2);
        assertThat(catalog.restoreAsDraft(contacts, 1, "ana").definition().field("segment")).isEmpty();
    }
}
