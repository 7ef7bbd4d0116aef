package receivables.impl.risk.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import receivables.impl.risk.internal.PaymentHistory.Customer;
import receivables.impl.risk.internal.PaymentHistory.Installment;
import receivables.impl.risk.internal.TribuoRiskLearning.Example;

/**
 * What a model trained as of a day learns from: every installment issued by then, seen on the day it was issued and
 * again 30 and 60 days past due if it was still open then (so that the model learns what being overdue already
 * says), each with its outcome as known on the training day. Snapshots whose outcome was not known yet teach
 * nothing about it.
 */
final class TrainingSet {

    /** Fewer settled installments than this are too few to learn days late from. */
    static final int MIN_SETTLED = 30;

    private static final int[] OVERDUE_SNAPSHOTS = { 30, 60 };

    private TrainingSet() {
    }

    static List<Example> asOf(PaymentHistory history, LocalDate day) {
        List<Example> examples = new ArrayList<>();
        for (Customer customer : history.customers()) {
            for (Installment item : customer.installments()) {
                if (item.issued().isAfter(day)) {
                    break;
                }
                Integer late = item.daysLate(day);
                Boolean over90 = item.over90(day);
                if (late == null && over90 == null) {
                    continue;
                }
                examples.add(new Example(RiskFeatures.of(history, customer, item, item.issued()), late, over90));
                for (int days : OVERDUE_SNAPSHOTS) {
                    LocalDate seen = item.due().plusDays(days);
                    if (!seen.isAfter(day) && item.openAt(seen)) {
                        examples.add(new Example(RiskFeatures.of(history, customer, item, seen), late, over90));
                    }
                }
            }
        }
        return examples;
    }

    static int settled(List<Example> examples) {
        return (int) examples.stream().filter(example -> example.daysLate() != null).count();
    }

    static int labelled(List<Example> examples) {
        return (int) examples.stream().filter(example -> example.over90() != null).count();
    }
}
