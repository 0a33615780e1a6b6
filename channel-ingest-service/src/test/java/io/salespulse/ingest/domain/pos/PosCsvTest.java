package io.salespulse.ingest.domain.pos;

import io.salespulse.ingest.Samples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading POS exports row by row and grouping the rows into receipts, without Quarkus. */
class PosCsvTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Set<String> PAYMENTS = Set.of("CASH", "CARD", "MOBILE", "VOUCHER", "OTHER");

    @Test
    void theSampleExportIsReadRowByRowWithLineNumbers() throws IOException {
        List<PosLine> lines = read(new String(Samples.bytes("pos-export.csv"), StandardCharsets.UTF_8), ',');

        assertThat(lines).extracting(PosLine::row).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(lines).filteredOn(PosLine.Invalid.class::isInstance).extracting(PosLine::row)
                .containsExactly(7, 9, 10);
        PosRow first = ((PosLine.Valid) lines.get(0)).data();
        assertThat(first).isEqualTo(new PosRow(2, "ST-001", "R-1001", Instant.parse("2026-03-14T08:01:12Z"),
                "SKU-ESPRESSO", null, 2, new BigDecimal("2.20"), "CARD", null));
        PosRow byGtin = ((PosLine.Valid) lines.get(2)).data();
        assertThat(byGtin.gtin()).isEqualTo("4006381333931");
        assertThat(byGtin.sku()).isNull();
        assertThat(byGtin.timestamp()).isEqualTo(Instant.parse("2026-03-14T07:03:40Z"));
        PosRow quoted = ((PosLine.Valid) lines.get(6)).data();
        assertThat(quoted.receiptId()).isEqualTo("R-2001, till 2");
        assertThat(quoted.paymentType()).isEqualTo("VOUCHER");
        assertThat(reason(lines, 7)).contains("quantity two is not a whole number");
        assertThat(reason(lines, 9)).contains("store is missing");
        assertThat(reason(lines, 10)).contains("not an ISO-8601 time with offset");
    }

    @Test
    void rowsAreGroupedIntoReceiptsAndABadRowHoldsItsReceiptBack() throws IOException {
        List<PosReceipt> receipts = receipts(new String(Samples.bytes("pos-export.csv"), StandardCharsets.UTF_8));

        assertThat(receipts).extracting(PosReceipt::externalId).containsExactly("ST-001:R-1001", "ST-001:R-1002",
                "ST-002:R-1001", "ST-002:R-1003", "null:null", "ST-003:R-2001, till 2", "ST-003:R-2003");
        assertThat(receipts).extracting(PosReceipt::valid).containsExactly(true, true, true, false, false, true, false);
        assertThat(receipts.get(0).rows()).hasSize(2);
        assertThat(receipts.get(3).rowNumbers()).containsExactly(6, 7);
        assertThat(receipts.get(4).rowNumbers()).as("a row without store stands alone").containsExactly(9);
    }

    @Test
    void everyValueIsChecked() throws IOException {
        String csv = """
                store,receipt_id,timestamp,sku_or_gtin,quantity,unit_price,payment_type,currency
                ST-001,R1,2026-03-14T08:00:00Z,4006381333932,1,1.00,CARD,EUR
                ST-001,R2,2026-03-14T08:00:00Z,SKU-A,0,1.00,CARD,EUR
                ST-001,R3,2026-03-14T08:00:00Z,SKU-A,1,1.005,CARD,EUR
                ST-001,R4,2026-03-14T08:00:00Z,SKU-A,1,1.00,CHEQUE,EUR
                ST-001,R5,2026-03-14T08:00:00Z,SKU-A,1,1.00,CARD,EURO
                ST 001,R6,2026-03-14T08:00:00Z,SKU-A,1,1.00,CARD,EUR
                ST-001,R7,2026-04-02T00:00:00Z,SKU-A,1,1.00,CARD,EUR
                ST-001,R8,2026-03-14T08:00:00Z,,1,1.00,CARD,EUR
                ST-001,R9,2026-03-14T08:00:00Z,SKU-A,1,1.00,CARD,EUR,extra
                ST-001,R10,2026-03-14T08:00:00Z,SKU-A,1,-1,CARD,EUR
                """;

        List<PosLine> lines = read(csv, ',');

        assertThat(lines).allMatch(PosLine.Invalid.class::isInstance);
        assertThat(reason(lines, 2)).contains("check digit");
        assertThat(reason(lines, 3)).contains("quantity 0");
        assertThat(reason(lines, 4)).contains("at most 2 decimals");
        assertThat(reason(lines, 5)).contains("payment_type CHEQUE");
        assertThat(reason(lines, 6)).contains("currency EURO");
        assertThat(reason(lines, 7)).contains("not a location id");
        assertThat(reason(lines, 8)).contains("in the future");
        assertThat(reason(lines, 9)).contains("product");
        assertThat(reason(lines, 10)).contains("9 values where the header has 8 columns");
        assertThat(reason(lines, 11)).contains("unit_price -1");
    }

    @Test
    void headersAreMatchedLooselyAndSeparateSkuAndGtinColumnsWork() throws IOException {
        String csv = "\uFEFFStore ID;Receipt No;Timestamp;SKU;GTIN;Qty;Unit Price;Payment;Till\n"
                + "ST-004;9;2026-03-14T08:00:00Z;;96385074;1;0.50;cash;3\n"
                + "\n"
                + "ST-004;9;2026-03-14T08:00:01Z;SKU-WATER-500;;2;1.20;cash;3\n";

        List<PosLine> lines = read(csv, ';');

        assertThat(lines).allMatch(PosLine.Valid.class::isInstance);
        assertThat(lines).extracting(PosLine::row).containsExactly(2, 4);
        assertThat(((PosLine.Valid) lines.get(0)).data().gtin()).isEqualTo("96385074");
        assertThat(((PosLine.Valid) lines.get(1)).data().sku()).isEqualTo("SKU-WATER-500");
    }

    @Test
    void aFileWithoutTheDocumentedColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> read("store,receipt,when,sku,qty,price\nST-001,1,x,y,1,1\n", ','))
                .isInstanceOf(PosFileException.class)
                .hasMessageContaining("timestamp").hasMessageContaining("payment_type");
        assertThatThrownBy(() -> read("", ',')).isInstanceOf(PosFileException.class).hasMessageContaining("empty");
    }

    @Test
    void aReceiptKeepsAtMostAThousandAndOneRows() {
        ReceiptAssembler assembler = new ReceiptAssembler();
        for (int i = 0; i < 1500; i++) {
            assertThat(assembler.accept(new PosLine.Valid(new PosRow(i + 2, "ST-001", "BIG", Instant.EPOCH, "SKU-A",
                    null, 1, BigDecimal.ONE, "CASH", null)))).isNull();
        }

        PosReceipt big = assembler.finish();

        assertThat(big.rowCount()).isEqualTo(1500);
        assertThat(big.rows()).hasSize(ReceiptAssembler.MAX_KEPT_ROWS);
        assertThat(big.valid()).isFalse();
    }

    private static List<PosLine> read(String csv, char delimiter) throws IOException {
        List<PosLine> lines = new ArrayList<>();
        try (PosCsvReader reader = new PosCsvReader(new StringReader(csv), delimiter, PAYMENTS, CLOCK)) {
            for (PosLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<PosReceipt> receipts(String csv) throws IOException {
        ReceiptAssembler assembler = new ReceiptAssembler();
        List<PosReceipt> receipts = new ArrayList<>();
        for (PosLine line : read(csv, ',')) {
            PosReceipt done = assembler.accept(line);
            if (done != null) {
                receipts.add(done);
            }
        }
        receipts.add(assembler.finish());
        return receipts;
    }

    private static String reason(List<PosLine> lines, int row) {
        return lines.stream().filter(line -> line.row() == row).map(line -> ((PosLine.Invalid) line).reason())
                .findFirst().orElseThrow();
    }
}
