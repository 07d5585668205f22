package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Contacts API of the published reference, over real HTTP. */
class ContactsApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private Response create(Api as, String json) {
        return as.post("/api/contacts/", json);
    }

    @Test
    void createAnswers201WithTheFullContactItsLocationAndVersion() {
        Api member = newUser("member");
        Response created = create(member, """
                {"firstName": "Sarah", "lastName": "Kim", "email": "  sarah.kim@example.com ",
                 "phone": "+15559876543", "title": "Engineering Manager", "stage": "new",
                 "assignedTo": "%s", "tags": ["saas", "inbound", "saas"], "notes": "Met at SaaStr conference"}"""
                .formatted(member.userId())).expect(201);

        JsonNode contact = created.json();
        assertThat(contact.get("id").stringValue()).matches("cnt_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(contact.get("email").stringValue()).isEqualTo("sarah.kim@example.com");
        assertThat(contact.get("tags").toString()).isEqualTo("[\"saas\",\"inbound\"]");
        assertThat(contact.get("assignedToName").stringValue()).isEqualTo("Test member");
        assertThat(contact.get("emailOptOut").booleanValue()).isFalse();
        assertThat(contact.get("emailBounced").booleanValue()).isFalse();
        assertThat(contact.get("accountId").isNull()).isTrue();
        assertThat(contact.get("accountName").isNull()).isTrue();
        assertThat(contact.get("createdAt").stringValue()).endsWith("Z").isEqualTo(contact.get("updatedAt").stringValue());
        assertThat(fieldNames(contact)).containsExactlyInAnyOrder("id", "firstName", "lastName", "email", "phone",
                "title", "stage", "accountId", "accountName", "assignedTo", "assignedToName", "tags", "emailOptOut",
                "emailBounced", "notes", "createdAt", "updatedAt");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/contacts/" + contact.get("id").stringValue() + "/");

        Response fetched = member.get("/api/contacts/" + created.id() + "/").expect(200);
        assertThat(fetched.json()).isEqualTo(contact);
        assertThat(member.get("/api/contacts/" + created.id()).expect(200).json()).isEqualTo(contact);
    }

    @Test
    void aNewContactDefaultsToStageNew() {
        Response created = create(admin, "{\"lastName\": \"Solo\", \"email\": \"solo@example.com\"}").expect(201);
        assertThat(created.json().get("stage").stringValue()).isEqualTo("new");
        assertThat(created.json().get("firstName").isNull()).isTrue();
    }

    @Test
    void createListsEveryInvalidFieldAndStoresNothing() {
        String tag = Api.unique("invalid");
        Response answer = create(admin, """
                {"email": "not-an-email", "phone": "555-1234", "stage": "hot", "firstName": "%s",
                 "tags": ["%s", ""], "assignedTo": "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "accountId": "nope",
                 "emailOptOut": "yes", "id": "cnt_x", "createdAt": "2025-01-01T00:00:00Z", "colour": "red",
                 "notes": 7}""".formatted("x".repeat(101), tag)).expect(400);

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("email", "phone", "stage", "firstName", "tags",
                "assignedTo", "accountId", "emailOptOut", "id", "createdAt", "colour", "notes");
        assertThat(answer.json().get("status").intValue()).isEqualTo(400);
        assertThat(errorMessage(answer, "stage")).contains("new, contacted, engaged, proposal_sent");
        assertThat(admin.get("/api/contacts/?tags=" + tag).expect(200).json().get("count").intValue()).isZero();
    }

    @Test
    void createNeedsAnEmailAndAName() {
        Response answer = create(admin, "{\"title\": \"CTO\"}").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("email", "firstName");
        create(admin, "{}").expect(400);
        admin.send(HttpMethod.POST, "/api/contacts/", "[]", Map.of()).expect(400);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndBumpsTheVersion() {
        Api member = newUser("member");
        Response created = create(member, """
                {"firstName": "Dana", "lastName": "Lee", "email": "dana@example.com", "phone": "+15553334444",
                 "title": "CEO", "tags": ["saas", "inbound"]}""").expect(201);
        String path = "/api/contacts/" + created.id() + "/";

        Response patched = member.patch(path, """
                {"stage": "engaged", "assignedTo": "%s", "tags": ["saas", "inbound", "qualified"], "phone": null}"""
                .formatted(member.userId())).expect(200);

        JsonNode contact = patched.json();
        assertThat(contact.get("stage").stringValue()).isEqualTo("engaged");
        assertThat(contact.get("assignedTo").stringValue()).isEqualTo(member.userId());
        assertThat(contact.get("tags").toString()).isEqualTo("[\"saas\",\"inbound\",\"qualified\"]");
        assertThat(contact.get("phone").isNull()).isTrue();
        assertThat(contact.get("title").stringValue()).isEqualTo("CEO");
        assertThat(contact.get("firstName").stringValue()).isEqualTo("Dana");
        assertThat(contact.get("createdAt")).isEqualTo(created.json().get("createdAt"));
        assertThat(Instant.parse(contact.get("updatedAt").stringValue()))
                .isAfterOrEqualTo(Instant.parse(created.json().get("updatedAt").stringValue()));
        // details, stage, owner and tags each changed: four events after the creation
        assertThat(patched.header("ETag")).isEqualTo("\"5\"");
        assertThat(member.get(path).json()).isEqualTo(contact);
    }

    @Test
    void aPatchThatChangesNothingRecordsNothing() {
        Response created = create(admin, "{\"firstName\": \"Same\", \"email\": \"same@example.com\"}").expect(201);
        Response patched = admin.patch("/api/contacts/" + created.id() + "/",
                "{\"firstName\": \"Same\", \"stage\": \"new\"}").expect(200);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        assertThat(patched.json().get("updatedAt")).isEqualTo(created.json().get("updatedAt"));
    }

    @Test
    void patchRejectsInvalidValuesAndChangesNothing() {
        Response created = create(admin, "{\"firstName\": \"Keep\", \"email\": \"keep@example.com\"}").expect(201);
        String path = "/api/contacts/" + created.id() + "/";

        Response answer = admin.patch(path, """
                {"email": null, "stage": null, "title": "%s", "updatedAt": "2025-01-01T00:00:00Z",
                 "accountName": "Acme"}""".formatted("t".repeat(201))).expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("email", "stage", "title", "updatedAt", "accountName");

        admin.patch(path, "{\"firstName\": null}").expect(400); // the last name is empty too
        assertThat(admin.get(path).json()).isEqualTo(created.json());
    }

    @Test
    void ifMatchWithAStaleVersionAnswers412AndChangesNothing() {
        Response created = create(admin, "{\"firstName\": \"Version\", \"email\": \"v@example.com\"}").expect(201);
        String path = "/api/contacts/" + created.id() + "/";

        admin.send(HttpMethod.PATCH, path, "{\"title\": \"first\"}", Map.of("If-Match", "\"1\"")).expect(200);
        admin.send(HttpMethod.PATCH, path, "{\"title\": \"second\"}", Map.of("If-Match", "\"1\"")).expect(412);
        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"1\"")).expect(412);

        assertThat(admin.get(path).json().get("title").stringValue()).isEqualTo("first");
        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"2\"")).expect(204);
    }

    @Test
    void ifMatchTakesOnlyAStrongQuotedEntityTag() {
        Response created = create(admin, "{\"firstName\": \"Strong\", \"email\": \"s@example.com\"}").expect(201);
        String path = "/api/contacts/" + created.id() + "/";

        for (String malformed : List.of("1", "garbage", "\"1\", \"2\"", "\"1", "W/1")) {
            Response answer = admin.send(HttpMethod.PATCH, path, "{\"title\": \"x\"}", Map.of("If-Match", malformed))
                    .expect(400);
            assertThat(errorFields(answer)).containsExactly("If-Match");
        }
        for (String neverMatches : List.of("W/\"1\"", "\"v1\"", "\"\"")) {
            admin.send(HttpMethod.PATCH, path, "{\"title\": \"x\"}", Map.of("If-Match", neverMatches)).expect(412);
        }
        assertThat(admin.get(path).header("ETag")).isEqualTo("\"1\"");
        admin.send(HttpMethod.PATCH, path, "{\"title\": \"y\"}", Map.of("If-Match", "*")).expect(200);
        admin.send(HttpMethod.PATCH, path, "{\"title\": \"z\"}", Map.of("If-Match", " \"2\" ")).expect(200);
    }

    @Test
    void deleteRemovesTheContact() {
        Response created = create(admin, "{\"firstName\": \"Gone\", \"email\": \"gone@example.com\"}").expect(201);
        String path = "/api/contacts/" + created.id() + "/";

        admin.delete(path).expect(204);

        admin.get(path).expect(404);
        admin.delete(path).expect(404);
        admin.patch(path, "{\"title\": \"ghost\"}").expect(404);
        assertThat(admin.get("/api/contacts/?search=gone@example.com").json().findValuesAsString("id"))
                .doesNotContain(created.id());
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        admin.get("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/contacts/usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/contacts/not-an-id/").expect(404);
        admin.get("/api/contacts/%27%3B%20DROP%20TABLE/").expect(404);
        admin.patch("/api/contacts/cnt_nope/", "{}").expect(404);
        admin.delete("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
    }

    /**
     * {@code search} is a case-insensitive substring match, whatever the letters: it finds exactly what
     * PostgreSQL's {@code ILIKE} finds in the searched text, with this database's idea of case.
     */
    @Test
    void searchMatchesWhatACaseInsensitiveSubstringMatchFinds() {
        String tag = Api.unique("search");
        for (String[] name : new String[][] {{"Zoë", "Ørsted"}, {"ÉLODIE", "Saint_Ange"}, {"İsmail", "Yılmaz"},
                {"Straße", "Weiß"}, {"50%", "Back\\\\slash"}}) {
            create(admin, contact(name[0], name[1], Api.unique("n") + "@example.com", null, "new", null, tag))
                    .expect(201);
        }
        for (String term : List.of("ørsted", "ZOË Ø", "élodie", "saint_ange", "SAINT%", "İSMAİL", "ismail", "YILMAZ",
                "yılmaz", "STRASSE", "straße", "WEISS", "50%", "0%", "back\\sl", "k\\S")) {
            String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> expected = jdbc.queryForList("SELECT id FROM read_model.contact WHERE tags @> ARRAY[?::text]"
                    + " AND search_text ILIKE ?", String.class, tag, pattern);
            assertThat(ids("tags=" + tag + "&search=" + URLEncoder.encode(term, StandardCharsets.UTF_8))).as(term)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(ids("tags=" + tag + "&search=ZO%C3%8B")).as("an upper-case term finds lower-case text").hasSize(1);
    }

    /**
     * A search asks the trigram index only for its term's rarest trigrams and checks the whole term in each row
     * found (the tests do so at any table size): it must find exactly the contacts whose text holds the term,
     * whichever pieces of it were asked for, in any case, across a word's end and through an email. The
     * emails' domain is in (nearly) every contact of the tests, so its trigrams are never asked for.
     */
    @Test
    void searchFindsTheSameContactsWhicheverTrigramsTheIndexIsAskedFor() {
        String tag = Api.unique("rare");
        for (int i = 95; i < 135; i++) {
            create(admin, contact("Quokkafield" + i, "Marsupial", "quokka" + i + "@example.com", null, "new", null,
                    tag)).expect(201);
        }
        for (String term : List.of("quokkafield12", "QUOKKAFIELD1", "kafield10", "quokka", "field99 mars",
                "d101 marsupial", "quokka101@example.com", "1@EXAMPLE.COM", "example.com", "okkafield134",
                "quokkafield1345", "rsupi")) {
            List<String> expected = jdbc.queryForList("SELECT id FROM read_model.contact WHERE tags @> ARRAY[?::text]"
                    + " AND search_text LIKE '%' || lower(?) || '%'", String.class, tag, term);
            assertThat(ids("tags=" + tag + "&search=" + URLEncoder.encode(term, StandardCharsets.UTF_8))).as(term)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(ids("tags=" + tag + "&search=QUOKKAFIELD1")).as("Quokkafield1xx").hasSize(35);
        assertThat(ids("tags=" + tag + "&search=quokka101@example.com")).hasSize(1);
        assertThat(ids("tags=" + tag + "&search=example.com")).hasSize(40);
        assertThat(ids("search=quokka101@example.comx")).isEmpty();
    }

    @Test
    void listFiltersByStageOwnerSearchDatesAndTags() {
        Api owner = newUser("member");
        String tag = Api.unique("filter");
        String marker = Api.unique("zq");
        String a = create(admin, contact("Ann", "Arbor" + marker, "ann." + marker + "@example.com", "+15550000001",
                "engaged", owner.userId(), tag, "vip")).expect(201).id();
        String b = create(admin, contact("Bob", "Brown", "bob." + marker + "@example.com", "+15550000002",
                "customer", null, tag)).expect(201).id();
        String c = create(admin, contact("Cy", "Cole", "cy@example.com", "+15559990003", "engaged", owner.userId(),
                tag, "vip")).expect(201).id();
        String cCreatedAt = admin.get("/api/contacts/" + c + "/").json().get("createdAt").stringValue();

        assertThat(ids("tags=" + tag)).containsExactly(c, b, a);
        assertThat(ids("tags=" + tag + "&stage=engaged")).containsExactly(c, a);
        assertThat(ids("tags=" + tag + "&assignedTo=" + owner.userId())).containsExactly(c, a);
        assertThat(ids("tags=" + tag + ",vip")).containsExactly(c, a);
        assertThat(ids("tags=" + tag + "&search=" + marker.toUpperCase())).containsExactly(b, a);
        assertThat(ids("tags=" + tag + "&search=ann%20arbor")).containsExactly(a);
        assertThat(ids("tags=" + tag + "&search=%2B1555999")).containsExactly(c);
        assertThat(ids("tags=" + tag + "&search=100%25")).isEmpty();
        assertThat(ids("tags=" + tag + "&createdBefore=" + cCreatedAt)).containsExactly(b, a);
        assertThat(ids("tags=" + tag + "&createdAfter=" + cCreatedAt)).isEmpty();
        assertThat(ids("tags=" + tag + "&createdAfter=2000-01-01&createdBefore=2999-12-31")).containsExactly(c, b, a);
        assertThat(ids("tags=" + tag + "&stage=engaged&search=cole")).containsExactly(c);
    }

    @Test
    void listRejectsBadParametersAllAtOnce() {
        Response answer = admin.get("/api/contacts/?page=0&limit=ten&ordering=phone&stage=hot&createdAfter=yesterday"
                + "&createdBefore=2025-13-01&assignedTo=bob").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("page", "limit", "ordering", "stage",
                "createdAfter", "createdBefore", "assignedTo");
    }

    @Test
    void listPagesWithAbsoluteLinksThatKeepEveryFilter() {
        String tag = Api.unique("page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create(admin, contact("P" + i, "Pager", "p" + i + "@example.com", null, "new", null, tag))
                    .expect(201).id());
        }

        Response first = admin.send(HttpMethod.GET, "/api/contacts/?tags=" + tag + "&limit=2", null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "crm.example.com")).expect(200);
        JsonNode page1 = first.json();
        assertThat(page1.get("count").intValue()).isEqualTo(5);
        assertThat(page1.get("previous").isNull()).isTrue();
        assertThat(page1.get("next").stringValue()).startsWith("https://crm.example.com/api/contacts/?")
                .contains("tags=" + tag).contains("limit=2").contains("page=2");
        assertThat(page1.findValuesAsString("id")).containsExactlyElementsOf(created.subList(0, 2));

        JsonNode page3 = admin.get("/api/contacts?tags=" + tag + "&limit=2&page=3").expect(200).json();
        assertThat(page3.findValuesAsString("id")).containsExactly(created.get(4));
        assertThat(page3.get("next").isNull()).isTrue();
        assertThat(page3.get("previous").stringValue()).contains("/api/contacts/?").contains("page=2");

        JsonNode beyond = admin.get("/api/contacts/?tags=" + tag + "&limit=2&page=9").expect(200).json();
        assertThat(beyond.get("results").size()).isZero();
        assertThat(beyond.get("count").intValue()).isEqualTo(5);
        assertThat(beyond.get("previous").isNull()).isFalse();

        JsonNode clamped = admin.get("/api/contacts/?tags=" + tag + "&limit=500").expect(200).json();
        assertThat(clamped.get("results").size()).isEqualTo(5);
    }

    @Test
    void listOrdersByAnAllowedField() {
        String tag = Api.unique("order");
        String zed = create(admin, contact("A", "zed", "a@example.com", null, "new", null, tag)).expect(201).id();
        String amy = create(admin, contact("B", "Amy", "b@example.com", null, "new", null, tag)).expect(201).id();
        String max = create(admin, contact("C", "max", "c@example.com", null, "new", null, tag)).expect(201).id();

        assertThat(ids("tags=" + tag + "&ordering=lastName")).containsExactly(amy, max, zed);
        assertThat(ids("tags=" + tag + "&ordering=-lastName")).containsExactly(zed, max, amy);
        assertThat(ids("tags=" + tag + "&ordering=createdAt")).containsExactly(zed, amy, max);
        assertThat(ids("tags=" + tag + "&ordering=-email")).containsExactly(max, amy, zed);
    }

    @Test
    void assignedToNameFollowsTheUsersRename() {
        Api owner = newUser("member");
        String id = create(admin, contact("Renamed", "Owner", "ro@example.com", null, "new", owner.userId(), "x"))
                .expect(201).id();

        admin.patch("/api/users/" + owner.userId() + "/", "{\"firstName\": \"Alex\", \"lastName\": \"Johnson\"}")
                .expect(200);

        assertThat(admin.get("/api/contacts/" + id + "/").json().get("assignedToName").stringValue())
                .isEqualTo("Alex Johnson");
    }

    @Test
    void accountIdMustNameAnExistingAccountWhoseNameTheContactShows() {
        Response refused = create(admin, """
                {"firstName": "Lone", "email": "lone@example.com", "accountId": "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V"}""")
                .expect(400);
        assertThat(errorFields(refused)).containsExactly("accountId");

        String account = admin.post("/api/accounts/", "{\"name\": \"Umbrella\"}").expect(201).id();
        Response created = create(admin, """
                {"firstName": "Linked", "email": "linked@example.com", "accountId": "%s"}""".formatted(account))
                .expect(201);
        assertThat(created.json().get("accountId").stringValue()).isEqualTo(account);
        assertThat(created.json().get("accountName").stringValue()).isEqualTo("Umbrella");

        admin.patch("/api/accounts/" + account + "/", "{\"name\": \"Umbrella Corp\"}").expect(200);
        assertThat(admin.get("/api/contacts/" + created.id() + "/").json().get("accountName").stringValue())
                .isEqualTo("Umbrella Corp");
        assertThat(errorFields(admin.patch("/api/contacts/" + created.id() + "/",
                "{\"accountId\": \"acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V\"}").expect(400))).containsExactly("accountId");
    }

    @Test
    void emailStatusFlagsCanBeSetAndChanged() {
        Response created = create(admin, "{\"firstName\": \"Mail\", \"email\": \"m@example.com\", \"emailOptOut\": true}")
                .expect(201);
        assertThat(created.json().get("emailOptOut").booleanValue()).isTrue();
        JsonNode patched = admin.patch("/api/contacts/" + created.id() + "/",
                "{\"emailOptOut\": false, \"emailBounced\": true}").expect(200).json();
        assertThat(patched.get("emailOptOut").booleanValue()).isFalse();
        assertThat(patched.get("emailBounced").booleanValue()).isTrue();
    }

    private List<String> ids(String query) {
        return admin.get("/api/contacts/?limit=100&" + query).expect(200).json().get("results").findValuesAsString("id");
    }

    private static String contact(String first, String last, String email, String phone, String stage,
                                  String assignedTo, String... tags) {
        return """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "phone": %s, "stage": "%s",
                 "assignedTo": %s, "tags": [%s]}""".formatted(first, last, email,
                phone == null ? "null" : "\"" + phone + "\"", stage,
                assignedTo == null ? "null" : "\"" + assignedTo + "\"",
                String.join(",", java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").toList()));
    }

    static List<String> errorFields(Response answer) {
        return answer.json().get("errors").findValuesAsString("field");
    }

    static String errorMessage(Response answer, String field) {
        for (JsonNode error : answer.json().get("errors")) {
            if (error.get("field").stringValue().equals(field)) {
                return error.get("message").stringValue();
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
