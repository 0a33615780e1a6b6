package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.TopicReader;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** POS exports through POST /imports/pos into sales.events.v1, with the real broker and database. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PosImportIT {
    private static final String CLERK = TestTokens.bearer("clerk", "clerk");
    private static final String HEADER = "store,receipt_id,timestamp,sku_or_gtin,quantity,unit_price,payment_type\n";

    @TestHTTPResource("/imports/pos")
    URL importUrl;

    @Inject
    DataSource dataSource;

    @Test
    void goodReceiptsBecomeStoreSalesBadRowsAreReportedAndAReuploadCreatesNoDuplicates() throws Exception {
        byte[] csv = Samples.bytes("pos-export.csv");
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response first = upload(csv);

        first.then().statusCode(200)
                .body("rows", equalTo(9))
                .body("receipts", equalTo(6))
                .body("accepted", equalTo(4))
                .body("acceptedRows", equalTo(5))
                .body("duplicateReceipts", equalTo(0))
                .body("rejectedRows", equalTo(4))
                .body("rejected.row", equalTo(List.of(6, 7, 9, 10)))
                .body("fileSha256", equalTo(sha256(csv)));
        assertThat(first.<String>path("rejected.find { it.row == 6 }.reason")).contains("invalid row(s) 7");
        assertThat(first.<String>path("rejected.find { it.row == 7 }.reason")).contains("quantity two");
        List<ConsumerRecord<String, String>> events = TopicReader.since(mark);
        assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                "STORE:store:ST-001:ST-001:R-1001", "STORE:store:ST-001:ST-001:R-1002",
                "STORE:store:ST-002:ST-002:R-1001", "STORE:store:ST-003:ST-003:R-2001, till 2");
        for (ConsumerRecord<String, String> record : events) {
            Contracts.assertValid("sales.events.v1/sale-event", record.value());
        }
        JsonNode receipt = Samples.JSON.readTree(events.stream()
                .filter(r -> r.key().endsWith("ST-001:R-1001")).findFirst().orElseThrow().value());
        assertThat(receipt.get("channel").asText()).isEqualTo("STORE");
        assertThat(receipt.get("locationId").asText()).isEqualTo("ST-001");
        assertThat(receipt.get("occurredAt").asText()).isEqualTo("2026-03-14T08:01:15Z");
        assertThat(receipt.get("lines").findValuesAsText("sku")).containsExactly("SKU-ESPRESSO", "SKU-COOKIES-BUTTER");

        Map<TopicPartition, Long> beforeAgain = TopicReader.mark(Topics.SALES_EVENTS);
        upload(csv).then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("duplicateReceipts", equalTo(4))
                .body("previousImportId", equalTo(first.path("importId")));
        assertThat(TopicReader.since(beforeAgain)).as("a re-upload publishes nothing").isEmpty();
    }

    @Test
    void aFormUploadWithASemicolonDelimiterWorksToo() {
        String receipt = "F-" + UUID.randomUUID();
        String csv = "store;receipt_id;timestamp;sku;quantity;unit_price;payment_type\n"
                + "ST-005;" + receipt + ";2026-03-14T10:00:00Z;SKU-CHAI;2;3.60;CARD\n";

        given().header("Authorization", CLERK)
                .multiPart("file", "export.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("delimiter", ";")
                .when().post("/imports/pos")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejectedRows", equalTo(0));
    }

    @Test
    void aClerkBoundToStoresImportsOnlyTheirReceipts() throws Exception {
        String run = UUID.randomUUID().toString();
        String csv = HEADER
                + "ST-001,B-" + run + ",2026-03-14T09:00:00Z,SKU-ESPRESSO,1,2.50,CARD\n"
                + "ST-003,B-" + run + ",2026-03-14T09:01:00Z,SKU-ESPRESSO,2,2.50,CARD\n"
                + "ST-003,B-" + run + ",2026-03-14T09:01:00Z,SKU-CHAI,1,3.60,CARD\n"
                + "ST-005,B-" + run + ",2026-03-14T09:02:00Z,SKU-CHAI,1,3.60,CASH\n";
        String bound = TestTokens.bearerWith("locations", List.of("ST-001", "ST-005"), "clerk", "clerk");
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        given().header("Authorization", bound).contentType("text/csv").body(csv)
                .when().post("/imports/pos")
                .then().statusCode(200)
                .body("receipts", equalTo(3)).body("accepted", equalTo(2))
                .body("rejectedRows", equalTo(2)).body("rejected.row", equalTo(List.of(3, 4)))
                .body("rejected[0].reason", containsString("ST-003 is not one of your stores (ST-001, ST-005)"));
        assertThat(TopicReader.since(mark)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                "STORE:store:ST-001:ST-001:B-" + run, "STORE:store:ST-005:ST-005:B-" + run);

        // An admin imports for every store, whatever its token lists.
        String admin = TestTokens.bearerWith("locations", List.of("ST-001"), "admin", "admin");
        given().header("Authorization", admin).contentType("text/csv").body(csv)
                .when().post("/imports/pos")
                .then().statusCode(200).body("accepted", equalTo(1)).body("duplicateReceipts", equalTo(2));
    }

    @Test
    void aFileWithoutTheDocumentedColumnsIsRefusedWhole() {
        given().header("Authorization", CLERK).contentType("text/csv")
                .body("store,receipt,sku,qty\nST-001,1,SKU-A,1\n")
                .when().post("/imports/pos")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("timestamp"));
    }

    @Test
    void onlySalesRolesMayImport() {
        given().contentType("text/csv").body(HEADER).when().post("/imports/pos").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("analyst", "analyst")).contentType("text/csv").body(HEADER)
                .when().post("/imports/pos").then().statusCode(403);
    }

    /**
     * 200,000 rows (~14 MB, more than ten times the JSON body limit) streamed in chunks. Halfway through, the test
     * stops sending until the service has published receipts of this very upload: a service that buffered the
     * whole body before reading it would never get there, so this proves rows are processed as they arrive.
     */
    @Test
    void aLargeExportIsImportedWhileItIsStillArriving() throws Exception {
        int rows = 200_000;
        int rowsPerReceipt = 10;
        String run = UUID.randomUUID().toString().substring(0, 8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HttpURLConnection connection = (HttpURLConnection) importUrl.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(64 * 1024);
        connection.setRequestProperty("Content-Type", "text/csv");
        connection.setRequestProperty("Authorization", CLERK);
        connection.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
        long sent = 0;
        try (OutputStream out = connection.getOutputStream()) {
            sent += write(out, sha, HEADER);
            StringBuilder chunk = new StringBuilder(64 * 1024);
            for (int i = 0; i < rows; i++) {
                int receipt = i / rowsPerReceipt;
                chunk.append("ST-00").append(receipt % 6 + 1).append(",BIG-").append(run).append('-').append(receipt)
                        .append(",2026-03-14T08:00:00Z,SKU-ESPRESSO,1,2.20,CARD\n");
                if (chunk.length() > 60_000) {
                    sent += write(out, sha, chunk.toString());
                    chunk.setLength(0);
                }
                if (i == rows / 2) {
                    sent += write(out, sha, chunk.toString());
                    chunk.setLength(0);
                    out.flush();
                    awaitPublishedReceipts(run);
                }
            }
            sent += write(out, sha, chunk.toString());
        }

        assertThat(connection.getResponseCode()).isEqualTo(200);
        JsonNode result = Samples.JSON.readTree(connection.getInputStream());
        assertThat(result.get("rows").asInt()).isEqualTo(rows);
        assertThat(result.get("receipts").asInt()).isEqualTo(rows / rowsPerReceipt);
        assertThat(result.get("accepted").asInt()).isEqualTo(rows / rowsPerReceipt);
        assertThat(result.get("rejectedRows").asInt()).isZero();
        assertThat(result.get("bytes").asLong()).isEqualTo(sent);
        assertThat(result.get("fileSha256").asText()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }

    private void awaitPublishedReceipts(String run) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (publishedReceipts(run) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No receipt was published while the upload was still streaming");
            }
            Thread.sleep(100);
        }
    }

    private int publishedReceipts(String run) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM idempotency_keys WHERE external_id LIKE ? AND status = 'ACCEPTED'")) {
            statement.setString(1, "ST-00_:BIG-" + run + "-%");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static long write(OutputStream out, MessageDigest sha, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(bytes);
        out.write(bytes);
        return bytes.length;
    }

    private static Response upload(byte[] csv) {
        return given().header("Authorization", CLERK).contentType("text/csv").body(csv)
                .when().post("/imports/pos").andReturn();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
