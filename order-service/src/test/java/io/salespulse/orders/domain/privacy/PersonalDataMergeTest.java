package io.salespulse.orders.domain.privacy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMergeTest {

    @Test
    void newerFieldsWinAndMissingOnesKeepWhatIsKnown() {
        var address = JsonNodeFactory.instance.objectNode().put("city", "Lisboa");
        PersonalData known = new PersonalData("Ana", "Silva", "ana@example.com", "+351 900", address, null);
        PersonalData newer = new PersonalData(null, "Silva Costa", "ana@example.com", null, null, address);

        PersonalData merged = PrivacyService.merge(known, newer);

        assertThat(merged).isEqualTo(new PersonalData("Ana", "Silva Costa", "ana@example.com", "+351 900", address,
                address));
    }

    @Test
    void toStringRevealsNothing() {
        assertThat(new PersonalData("Ana", "Silva", "ana@example.com", null, null, null).toString())
                .doesNotContain("Ana").doesNotContain("example");
    }
}
