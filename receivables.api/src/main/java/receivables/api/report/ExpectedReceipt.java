package receivables.api.report;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * What is expected to come in, in one currency, on a day or in the week that starts on {@code date}.
 */
public record ExpectedReceipt(LocalDate date, Money amount) {
}
