package receivables.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;

/**
 * The confirmed orders a billing run invoices. Generated from a fixed seed, so that ours and the baseline
 * bill exactly the same orders and every run of the benchmark bills the same ones again.
 */
final class OrderBook {

    /** Standard (19 %) and reduced (7 %) German VAT: books, food and the like are reduced. */
    static final BigDecimal STANDARD_RATE = new BigDecimal("19");
    static final BigDecimal REDUCED_RATE = new BigDecimal("7");
    static final LocalDate FIRST_ORDER_DATE = LocalDate.of(2026, 3, 1);

    private record Product(String code, String description, BigDecimal listPrice, BigDecimal taxRate, boolean byWeight) {
    }

    private static final List<Product> CATALOGUE = catalogue();

    private OrderBook() {
    }

    /**
     * {@code count} orders for {@code customers}: two to four lines each (three on average), products of a
     * catalogue of 60 at list prices varied by up to 10 % per line, whole quantities for pieces and up to
     * three decimals for goods sold by weight, ordered during March 2026, all in EUR.
     */
    static List<SalesOrder> generate(String orderPrefix, List<UUID> customers, int count, long seed) {
        Random random = new Random(seed);
        List<SalesOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lineCount = 2 + random.nextInt(3);
            List<OrderLine> lines = new ArrayList<>(lineCount);
            for (int l = 0; l < lineCount; l++) {
                Product product = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
                BigDecimal quantity = product.byWeight()
                        ? BigDecimal.valueOf(250 + random.nextInt(20_000), 3)
                        : BigDecimal.valueOf(1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 12));
                BigDecimal unitPrice = product.listPrice()
                        .multiply(BigDecimal.valueOf(90 + random.nextInt(21)))
                        .movePointLeft(2)
                        .setScale(2, RoundingMode.HALF_UP);
                lines.add(new OrderLine(product.code(), product.description(), quantity, unitPrice, null, product.taxRate()));
            }
            orders.add(new SalesOrder(String.format("%s-%07d", orderPrefix, i + 1),
                    customers.get(random.nextInt(customers.size())), "EUR", FIRST_ORDER_DATE.plusDays(random.nextInt(31)),
                    null, lines));
        }
        return orders;
    }

    private static List<Product> catalogue() {
        Random random = new Random(7);
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            boolean reduced = i % 3 == 0;
            boolean byWeight = i % 5 == 0;
            // Prices from 0.49 to about 2,500 with the long tail of a real catalogue.
            BigDecimal listPrice = BigDecimal.valueOf(Math.round(Math.exp(random.nextDouble() * Math.log(5000)) * 100 / 2.0), 2)
                    .max(new BigDecimal("0.49"));
            products.add(new Product(String.format("P-%03d", i), (reduced ? "Reduced-rate item " : "Standard item ") + i,
                    listPrice, reduced ? REDUCED_RATE : STANDARD_RATE, byWeight));
        }
        return List.copyOf(products);
    }
}
