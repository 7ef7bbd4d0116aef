package receivables.api.provision;

import java.util.List;

import receivables.api.money.Money;

/** The provision matrix of one currency: its buckets and the allowance they add up to. */
public record ProvisionMatrix(String currency, List<ProvisionBucket> buckets, Money allowance) {

    public ProvisionMatrix {
        buckets = List.copyOf(buckets);
    }
}
