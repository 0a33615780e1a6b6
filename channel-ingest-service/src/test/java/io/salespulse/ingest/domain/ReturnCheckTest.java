package io.salespulse.ingest.domain;

import io.salespulse.support.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnCheckTest {
    private static final BigDecimal PRICE = new BigDecimal("2.20");
    // Sold 3 espresso (1 came back already) and 2 cookies.
    private static final ReturnableSale SALE = new ReturnableSale(List.of(
            new ReturnableSale.Line("P-1001", "SKU-ESPRESSO", 3, 1, 2),
            new ReturnableSale.Line("P-1020", "SKU-COOKIES", 2, 0, 2)));

    @Test
    void aReturnWithinWhatIsLeftPasses() {
        assertThat(ReturnCheck.refusal(aReturn(product("P-1001", 2), product("P-1020", 2)), SALE)).isEmpty();
    }

    @Test
    void linesOfOneProductAddUpAndEarlierReturnsCount() {
        Optional<ProblemException> refusal = ReturnCheck.refusal(
                aReturn(product("P-1001", 1), new SaleLine(null, "SKU-ESPRESSO", null, 2, PRICE)), SALE);

        assertThat(refusal).get().satisfies(problem -> {
            assertThat(problem.problem().status()).isEqualTo(409);
            assertThat(problem.getMessage()).contains("P-1001: 3 returned, 3 sold, 1 came back already");
        });
    }

    @Test
    void aProductTheSaleDoesNotHaveIsRefusedWhateverTheQuantity() {
        Optional<ProblemException> refusal = ReturnCheck.refusal(
                aReturn(product("P-1001", 1), new SaleLine(null, "SKU-CHAI", null, 1, PRICE)), SALE);

        assertThat(refusal).get().satisfies(problem -> {
            assertThat(problem.problem().status()).isEqualTo(422);
            assertThat(problem.getMessage()).contains("no line of SKU SKU-CHAI");
        });
    }

    @Test
    void aLineKnownOnlyByItsGtinIsNotChecked() {
        assertThat(ReturnCheck.refusal(aReturn(new SaleLine(null, null, "4012345610017", 50, PRICE)), SALE)).isEmpty();
    }

    private static SaleLine product(String productId, int quantity) {
        return SaleLine.ofProduct(productId, quantity, PRICE);
    }

    private static SaleDraft aReturn(SaleLine... lines) {
        return SaleDraft.builder(Channel.STORE, "store:ST-001").type(SaleType.RETURN).returnOf("R-1")
                .lines(List.of(lines)).build();
    }
}
