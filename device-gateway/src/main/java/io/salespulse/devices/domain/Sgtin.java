package io.salespulse.devices.domain;

/** A decoded SGTIN-96: one serialised trade item. */
public record Sgtin(int filter, String companyPrefix, String indicatorItemReference, long serial, String gtin14) {

    /** Pure-identity URI of GS1 EPC Tag Data Standard section 6.3.1. */
    public String uri() {
        return "urn:epc:id:sgtin:" + companyPrefix + "." + indicatorItemReference + "." + serial;
    }
}
