package receivables.api.provision;

import java.math.BigDecimal;

import receivables.api.money.Money;
import receivables.api.report.AgingBucket;

/**
 * One aging bucket of a provision matrix.
 *
 * @param rollRate     the share of the bucket's balance at the window's month ends that was, one month end later, in
 *                     a later bucket or written off (6 decimals, at most 1); null for the last bucket, which is the loss
 * @param lossRate     the historical loss rate: the roll rates of this bucket and every later one multiplied, each
 *                     product rounded to 6 decimals; 1 for the last bucket
 * @param factor       the forward-looking adjustment's factor for the bucket; 1 where none applies
 * @param adjustedLossRate {@code lossRate × factor}, at most 1, rounded to 6 decimals
 * @param balance      what was open in the bucket on the as-of day
 * @param expectedLoss {@code balance × adjustedLossRate}, rounded to the currency's minor unit
 */
public record ProvisionBucket(AgingBucket bucket, BigDecimal rollRate, BigDecimal lossRate, BigDecimal factor,
        BigDecimal adjustedLossRate, Money balance, Money expectedLoss) {
}
