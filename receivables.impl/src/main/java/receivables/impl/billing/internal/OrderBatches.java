package receivables.impl.billing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import receivables.api.invoice.SalesOrder;

/** A batch of a billing run's orders as it is kept in the database until the run ends: JSON in UTF-8. */
final class OrderBatches {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<SalesOrder>> ORDERS = new TypeReference<>() {
    };

    private OrderBatches() {
    }

    static byte[] write(List<SalesOrder> orders) {
        try {
            return JSON.writeValueAsBytes(orders);
        } catch (IOException e) {
            throw new UncheckedIOException("a batch of orders could not be written as JSON", e);
        }
    }

    static List<SalesOrder> read(byte[] batch) {
        try {
            return JSON.readValue(batch, ORDERS);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored batch of orders could not be read", e);
        }
    }
}
