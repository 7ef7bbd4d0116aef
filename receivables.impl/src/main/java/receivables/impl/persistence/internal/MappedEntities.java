package receivables.impl.persistence.internal;

import java.util.List;

import receivables.impl.billing.internal.BillingFailureEntity;
import receivables.impl.billing.internal.BillingRunEntity;
import receivables.impl.credit.internal.CreditNoteEntity;
import receivables.impl.credit.internal.SettlementEntity;
import receivables.impl.credit.internal.WriteOffEntity;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.fx.internal.ExchangeRateEntity;
import receivables.impl.fx.internal.RevaluationEntity;
import receivables.impl.fx.internal.RevaluationLineEntity;
import receivables.impl.host.internal.JournalDeliveryCursorEntity;
import receivables.impl.host.internal.JournalDeliveryEntity;
import receivables.impl.intent.internal.IntentRefundEntity;
import receivables.impl.intent.internal.IntentTransitionEntity;
import receivables.impl.intent.internal.PaymentIntentEntity;
import receivables.impl.invoice.internal.InstallmentEntity;
import receivables.impl.invoice.internal.InvoiceEntity;
import receivables.impl.invoice.internal.InvoiceLineEntity;
import receivables.impl.journal.internal.JournalEntryEntity;
import receivables.impl.journal.internal.JournalLineEntity;
import receivables.impl.payment.internal.AllocationEntity;
import receivables.impl.payment.internal.PaymentEntity;
import receivables.impl.payment.internal.PaymentRefundEntity;
import receivables.impl.terms.internal.PaymentTermsEntity;

/**
 * Every entity class Hibernate maps. Listed, not scanned: scanning a bundle is fragile and slow.
 */
final class MappedEntities {

    static final List<Class<?>> ALL = List.of(CustomerAccountEntity.class, InvoiceEntity.class, InvoiceLineEntity.class,
            InstallmentEntity.class, PaymentEntity.class, AllocationEntity.class, JournalEntryEntity.class,
            JournalLineEntity.class, PaymentTermsEntity.class, BillingRunEntity.class, BillingFailureEntity.class,
            ExchangeRateEntity.class, CreditNoteEntity.class, WriteOffEntity.class, SettlementEntity.class,
            PaymentRefundEntity.class, PaymentIntentEntity.class, IntentTransitionEntity.class, IntentRefundEntity.class,
            JournalDeliveryEntity.class, JournalDeliveryCursorEntity.class, RevaluationEntity.class,
            RevaluationLineEntity.class);

    private MappedEntities() {
    }
}
