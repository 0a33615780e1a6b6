package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the sales.events.v1 contract: every contract-valid event is understood, and what is not an
 * event says why (the reason that goes to the dead-letter topic).
 */
class SaleEventParserTest {
    private final SaleEventParser parser = new SaleEventParser(new ObjectMapper());

    @Test
    void readsAContractValidSaleWithEveryWayToNameAProduct() {
        SaleEvents sale = SaleEvents.aSale("ST-001").line("P-1001", 2).lineBySku("SKU-COLA-330", 1)
                .lineByGtin("4006381333931", 3);
        Contracts.assertValid("sales.events.v1/sale-event", sale.json());

        var result = parser.parse(bytes(sale.json()));

        assertThat(result).isInstanceOf(SaleEventParser.Parsed.class);
        SaleEvent event = ((SaleEventParser.Parsed) result).event();
        assertThat(event.eventId().toString()).isEqualTo(sale.eventId());
        assertThat(event.type()).isEqualTo(SaleEvent.Type.SALE);
        assertThat(event.locationId()).isEqualTo("ST-001");
        assertThat(event.lines()).containsExactly(new SaleEvent.Line("P-1001", null, null, 2),
                new SaleEvent.Line(null, "SKU-COLA-330", null, 1),
                new SaleEvent.Line(null, null, "4006381333931", 3));
    }

    @Test
    void readsAContractValidReturn() {
        SaleEvents ret = SaleEvents.aReturn("WEB-FC", "R-1001").line("P-1001", 1);
        Contracts.assertValid("sales.events.v1/sale-event", ret.json());

        var result = parser.parse(bytes(ret.json()));

        assertThat(((SaleEventParser.Parsed) result).event().type()).isEqualTo(SaleEvent.Type.RETURN);
        assertThat(((SaleEventParser.Parsed) result).event().returnOf()).isEqualTo("R-1001");
    }

    @Test
    void readsTheOptionalConditionOfReturnedLines() {
        SaleEvents ret = SaleEvents.aReturn("ST-001", "R-1001").line("P-1001", 1, "DAMAGED")
                .line("P-1002", 2, "RESALABLE").line("P-1003", 3);
        Contracts.assertValid("sales.events.v1/sale-event", ret.json());

        SaleEvent event = ((SaleEventParser.Parsed) parser.parse(bytes(ret.json()))).event();

        assertThat(event.lines()).containsExactly(new SaleEvent.Line("P-1001", null, null, 1, true),
                new SaleEvent.Line("P-1002", null, null, 2, false), new SaleEvent.Line("P-1003", null, null, 3));
        String broken = SaleEvents.aReturn("ST-001", "R-1001").line("P-1001", 1, "BROKEN").json();
        assertThat(reason(broken)).isEqualTo("Invalid sale event: line 1: condition must be RESALABLE or DAMAGED");
    }

    @Test
    void explainsWhatIsNotAnEvent() {
        assertThat(reason("")).isEqualTo("Empty record value");
        assertThat(reason("{not json")).startsWith("Not JSON");
        assertThat(reason("[1,2]")).isEqualTo("Not a JSON object");
        String noLines = SaleEvents.aSale("ST-001").json();
        assertThat(reason(noLines)).isEqualTo("Invalid sale event: lines must be a non-empty array");
        String badQuantity = SaleEvents.aSale("ST-001").line("P-1001", 0).json();
        assertThat(reason(badQuantity)).contains("line 1: quantity must be an integer from 1 to 1000000");
        String noId = SaleEvents.aSale("ST-001").line("P-1001", 1).json().replaceFirst("\"eventId\":\"[^\"]+\",", "");
        assertThat(reason(noId)).isEqualTo("Invalid sale event: eventId is missing");
    }

    private String reason(String value) {
        var result = parser.parse(bytes(value));
        assertThat(result).isInstanceOf(SaleEventParser.Invalid.class);
        return ((SaleEventParser.Invalid) result).reason();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
