package io.salespulse.orders.domain.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.orders.config.PrivacyConfig;
import io.salespulse.orders.data.CustomerRepository;
import io.salespulse.orders.data.DataAccessException;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The customer store's use cases: channels hand personal data over (it is sealed, merged with what is known and
 * linked to the platform order), administrators find, export and erase it (GDPR art. 15/17/20, CCPA right to know
 * and to delete). Every operation is audited without personal data.
 */
@ApplicationScoped
public class PrivacyService {
    /** An export lists at most this many orders (a customer with more is an integration, not a person). */
    static final int MAX_EXPORTED_ORDERS = 10_000;

    private final CustomerRepository customers;
    private final ObjectMapper json;
    private final Optional<CustomerVault> vault;

    public PrivacyService(CustomerRepository customers, ObjectMapper json, PrivacyConfig config) {
        this.customers = customers;
        this.json = json;
        this.vault = config.encryptionKeys().filter(keys -> !keys.isBlank())
                .map(keys -> CustomerVault.fromConfig(keys, config.activeKey().orElse(null),
                        config.indexKey().orElse(null)));
        if (vault.isEmpty()) {
            Log.warn("salespulse.privacy.encryption-keys is not set: the customer store refuses personal data");
        }
    }

    /** Stores (or completes) a customer's personal data, received with the platform order source/externalId. */
    public void store(String customerRef, PersonalData personal, String source, String externalId, String actor) {
        CustomerVault keys = vault();
        guard(() -> {
            customers.store(customerRef, existing -> {
                PersonalData merged = existing.map(sealed -> read(customerRef, sealed, keys))
                        .map(known -> merge(known, personal)).orElse(personal);
                return new SealedCustomer(keys.seal(customerRef, write(merged)), keys.emailIndex(merged.email()));
            }, source, externalId, actor);
            return null;
        });
    }

    /** The pseudonyms stored for an e-mail address (normally one per platform account). */
    public List<String> findByEmail(String email, String actor) {
        CustomerVault keys = vault();
        return guard(() -> {
            List<String> refs = customers.findByEmailIndex(keys.emailIndex(email));
            customers.audit("LOOKUP", null, actor, "by e-mail: " + refs.size() + " found");
            return refs;
        });
    }

    /** Everything held about a customer; empty when nothing is stored under that pseudonym. */
    public Optional<CustomerExport> export(String customerRef, String actor) {
        CustomerVault keys = vault();
        return guard(() -> customers.find(customerRef).map(stored -> {
            customers.audit("EXPORT", customerRef, actor, null);
            return new CustomerExport(customerRef, read(customerRef, stored.sealed(), keys), stored.firstSeenAt(),
                    stored.updatedAt(), customers.sourcesOf(customerRef),
                    customers.ordersOf(customerRef, MAX_EXPORTED_ORDERS));
        }));
    }

    /**
     * Erases the personal data. Orders stay (the retailer must keep sales records) under the pseudonym, which no
     * longer leads to a person once this row is gone.
     */
    public boolean erase(String customerRef, String actor) {
        return guard(() -> customers.erase(customerRef, actor));
    }

    public List<AuditEntry> auditLog(int limit) {
        return guard(() -> customers.auditLog(limit));
    }

    /** Non-null fields of the newer data win; a field the newer delivery lacks keeps its known value. */
    static PersonalData merge(PersonalData known, PersonalData newer) {
        return new PersonalData(pick(newer.firstName(), known.firstName()), pick(newer.lastName(), known.lastName()),
                pick(newer.email(), known.email()), pick(newer.phone(), known.phone()),
                pick(newer.shippingAddress(), known.shippingAddress()),
                pick(newer.billingAddress(), known.billingAddress()));
    }

    private static <T> T pick(T newer, T known) {
        return newer != null ? newer : known;
    }

    private CustomerVault vault() {
        return vault.orElseThrow(() -> new ProblemException(503, "Customer store not configured",
                "order-service has no encryption keys (salespulse.privacy.encryption-keys), so it keeps no personal data"));
    }

    private PersonalData read(String customerRef, CustomerVault.Sealed sealed, CustomerVault keys) {
        try {
            return json.readValue(keys.open(customerRef, sealed), PersonalData.class);
        } catch (IOException e) {
            throw new IllegalStateException("sealed customer data is not the expected JSON", e);
        }
    }

    private byte[] write(PersonalData personal) {
        try {
            return json.writeValueAsBytes(personal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("personal data always serialises", e);
        }
    }

    private static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            Log.errorf("customer store unavailable: %s", e.getMessage());
            throw new ProblemException(503, "Customer store unavailable", "The database did not answer; try again");
        }
    }
}
